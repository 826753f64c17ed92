// The comments of a section. The sidebar (a lazy chunk) is used by the live editor, which
// implements CommentEditorPort; the outline uses the counts. Nothing here imports Tiptap or Yjs.
export { listThreads } from './api/comments-api';
export type { CommentsPanelProps } from './components/comments-panel';
export { LazyCommentsPanel, preloadCommentsPanel } from './components/lazy-comments-panel';
export type { CommentEditorPort, ComposeRequest, Highlight, SelectedPassage } from './editor-port';
export { useOpenThreadCounts, type CommentCountSignal } from './hooks/use-open-thread-counts';
export type { PassagePlace } from './utils/thread-order';
