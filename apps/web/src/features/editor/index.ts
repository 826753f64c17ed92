// Only light code here: the editor itself (Tiptap, Yjs, y-websocket) is a lazy chunk.
export { LazySectionEditor } from './components/lazy-section-editor';
export type { SectionEditorProps } from './components/section-editor';
export { readOnlyReason, type ReadOnlyReason } from './utils/read-only-reason';
