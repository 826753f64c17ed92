import type { CommentThread } from '@kapitel/domain';
import { useEffect, useRef } from 'react';
import { moveAnchor } from '../api/comments-api';
import type { CommentEditorPort } from '../editor-port';

/**
 * When an undo in this editor brings back a commented passage that was deleted, the thread
 * is pointed at it again on the server: Yjs restores the text as new characters and only
 * this browser knows they are the old ones, so for everybody else the thread would stay
 * under "Passage gelöscht". Each thread's anchor is sent once; then the threads load anew.
 * `version` grows with every change of the text.
 */
export function useRestoredAnchors(
  target: { projectId: string; sectionId: string },
  threads: readonly CommentThread[],
  editor: CommentEditorPort,
  version: number,
  reload: () => void,
): void {
  const sent = useRef(new Set<string>());
  const { projectId, sectionId } = target;
  useEffect(() => {
    if (!editor.isLoaded() || !editor.isEditable()) {
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
  }, [projectId, sectionId, threads, editor, version, reload]);
}
