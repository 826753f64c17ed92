import { lazy, Suspense } from 'react';
import { FailureBoundary, useT } from '../../../i18n';
import { Loading } from '../../../ui';
import type { CommentsPanelProps } from './comments-panel';

const load = () => import('./comments-panel');
const CommentsPanel = lazy(async () => ({ default: (await load()).CommentsPanel }));

/**
 * Starts loading the sidebar's code. The live editor asks for it together with its own
 * chunk, so that both arrive at once instead of one after the other.
 */
export function preloadCommentsPanel(): void {
  load().catch(() => undefined);
}

/**
 * The comments sidebar, loaded on demand: only section pages show it, and the project page
 * (which shows comment counts) should not carry its code.
 */
export function LazyCommentsPanel(props: CommentsPanelProps) {
  const t = useT();
  return (
    <FailureBoundary>
      <Suspense fallback={<Loading label={t('comments.loading')} />}>
        <CommentsPanel {...props} />
      </Suspense>
    </FailureBoundary>
  );
}
