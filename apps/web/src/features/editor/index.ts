// Only light code here: the editor itself (Tiptap, Yjs, y-websocket) is a lazy chunk.
export { LazySectionEditor } from './components/lazy-section-editor';
export type { SectionEditorProps } from './components/section-editor';
export { readOnlyReason, type ReadOnlyReason } from './utils/read-only-reason';
// The words of cross-references (as the PDF prints them), for the reading view.
export { sectionTargets, targetLabel, type SectionTarget } from './utils/cross-refs';
export { figureLabel } from './utils/figure-refs';
// The file types of "Dokument einfügen"; the reading itself is a lazy chunk (import/outline-import.ts).
export { DOCUMENT_ACCEPT } from './import/accept';
export { ImportError } from './import/model';
