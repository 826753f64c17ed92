import { lazy, Suspense } from 'react';
import { FailureBoundary, useT } from '../../../i18n';
import { Loading } from '../../../ui';
import { preloadCommentsPanel } from '../../comments';
import type { SectionEditorProps } from './section-editor';

// Tiptap, Yjs and y-websocket arrive with this chunk, only when a section page shows the editor;
// the comments sidebar beside it is a chunk of its own, asked for at the same time.
const SectionEditor = lazy(() => {
  preloadCommentsPanel();
  return import('./section-editor');
});

/** The live editor, loaded on demand; a polite loading line meanwhile. */
export function LazySectionEditor(props: SectionEditorProps) {
  const t = useT();
  return (
    <FailureBoundary>
      <Suspense fallback={<Loading label={t('editor.loading')} />}>
        <SectionEditor {...props} />
      </Suspense>
    </FailureBoundary>
  );
}
