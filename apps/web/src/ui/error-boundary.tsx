import { Component, type ErrorInfo, type ReactNode } from 'react';

export interface ErrorBoundaryProps {
  children?: ReactNode;
  /** What is shown instead of the children once one of them threw while rendering. */
  fallback: (error: unknown) => ReactNode;
  /** A new value clears the error and renders the children again (e.g. the page's path). */
  resetKey?: unknown;
}

interface State {
  /** What a child threw; null while the children render. */
  failed: { error: unknown } | null;
}

/**
 * Keeps a failure inside one part of the page: without a boundary React unmounts the whole
 * app and leaves a blank page, which is what a chunk that fails to load (after an update of
 * the server, or on a network blip) did to the section page.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { failed: null };

  static getDerivedStateFromError(error: unknown): State {
    return { failed: { error } };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept in the browser's console for whoever reports the problem; nothing leaves the page.
    console.error('A part of the page failed', error, info.componentStack);
  }

  override componentDidUpdate(previous: ErrorBoundaryProps): void {
    if (this.state.failed !== null && !Object.is(previous.resetKey, this.props.resetKey)) {
      this.setState({ failed: null });
    }
  }

  override render(): ReactNode {
    return this.state.failed === null ? this.props.children : this.props.fallback(this.state.failed.error);
  }
}
