import type { Editor } from '@tiptap/core';
import { useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface EditorDialogProps {
  id?: string;
  /** The dialog's name, shown as its heading. */
  title: string;
  className?: string;
  /** The text the dialog works on: the focus goes back to it when the dialog closes. */
  editor: Editor;
  /** Escape (or any other close request of the browser): the caller ends the dialog without a change. */
  onDismiss: () => void;
  children: ReactNode;
}

/** The controls inside `container` that Tab reaches, in order. */
function tabbable(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => element.getClientRects().length > 0,
  );
}

/**
 * A modal dialog over the editor (the browser's `<dialog>`, shown with showModal(), so the
 * rest of the page is inert): the focus starts on its first control and stays inside
 * (Tab and Shift+Tab go round, never out to the browser's own controls), Escape closes it
 * wherever the focus is, and closing it, whichever way, puts the focus back into the text
 * with the text's selection as it was (or as the dialog's command left it).
 */
export function EditorDialog({ id, title, className, editor, onDismiss, children }: EditorDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // The latest callback for the native close below, without opening the dialog again.
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;
  // Set when the dialog goes: its own close() below must not count as the browser closing it.
  const gone = useRef(false);

  // A layout effect: the dialog is open before anything paints, and its cleanup runs before
  // the caller's effects, so the text is no longer inert when they look at the focus.
  useLayoutEffect(() => {
    const element = dialog.current;
    if (element === null) {
      return;
    }
    gone.current = false;
    if (!element.open) {
      element.showModal();
    }
    tabbable(element)[0]?.focus();
    return () => {
      const active = element.ownerDocument.activeElement;
      const lost = active === null || active === element.ownerDocument.body || element.contains(active);
      gone.current = true;
      element.close();
      if (lost && !editor.isDestroyed && editor.view.dom.isConnected) {
        // ProseMirror's focus() writes the state's selection to the page; a read-only text
        // (the section was submitted meanwhile) is focused as the element it then is.
        editor.view.focus();
        if (!editor.view.hasFocus()) {
          editor.view.dom.focus();
        }
      }
    };
  }, [editor]);

  const keepFocusInside = (event: KeyboardEvent<HTMLDialogElement>): void => {
    if (event.key !== 'Tab' || dialog.current === null) {
      return;
    }
    const controls = tabbable(dialog.current);
    const first = controls[0];
    const last = controls[controls.length - 1];
    const active = document.activeElement;
    const target = event.shiftKey
      ? active === first || active === dialog.current ? last : null
      : active === last ? first : null;
    if (target !== null && target !== undefined) {
      event.preventDefault();
      target.focus();
    }
  };

  return (
    <dialog
      ref={dialog}
      id={id}
      className={`dialog editor-dialog${className === undefined ? '' : ` ${className}`}`}
      aria-labelledby={titleId}
      // Focusable itself, so that a click on its background keeps the focus inside.
      tabIndex={-1}
      onKeyDown={keepFocusInside}
      onCancel={(event) => {
        // Escape: the caller decides (and unmounts the dialog); the browser does not close it alone.
        event.preventDefault();
        dismiss.current();
      }}
      onClose={() => {
        // Closed by the browser itself (a repeated Escape is not cancelable): end it here too.
        if (!gone.current) {
          dismiss.current();
        }
      }}
    >
      <h2 id={titleId} className="editor-dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
