import type { CommentThread } from '@kapitel/domain';
import { useEffect, useRef } from 'react';
import { moveAnchor } from '../api/comments-api';
import type { CommentEditorPort } from '../editor-port';

/**
 * When an undo in this editor brings back a commented passage that was deleted, the thread
 * is pointed at it again on the server: Yjs restores the text as new characters and only
 * this browser knows they are the old ones, so for everybody else the thread would stay
 * under "Passage gelöscht". Each thread's anchor is sent once; then the threads load anew.
 * Looked at after an undo or redo only (`undoCount`), not at every keystroke.
 */
export function useRestoredAnchors(
  target: { projectId: string; sectionId: string },
  threads: readonly CommentThread[],
  editor: CommentEditorPort,
  reload: () => void,
): void {
  const sent = useRef(new Set<string>());
  const { projectId, sectionId } = target;
  // Read at each render: the sidebar renders again with every change of the text.
  const undos = editor.undoCount();
  useEffect(() => {
    if (undos === 0 || !editor.isLoaded() || !editor.isEditable()) {
      return;
    }
    const moves = threads.flatMap((thread) => {
      const anchor = thread.anchor === null ? null : editor.restoredAnchor(thread.anchor);
      const key = `${thread.id} ${thread.anchor?.start ?? ''}`;
      return anchor === null || sent.current.has(key) ? [] : [{ id: thread.id, anchor, key }];
    });
    if (moves.length === 0) {
      return;
    }
    moves.forEach((move) => sent.current.add(move.key));
    void Promise.allSettled(moves.map((move) => moveAnchor(projectId, sectionId, move.id, move.anchor))).then(
      reload,
    );
  }, [projectId, sectionId, threads, editor, undos, reload]);
}
