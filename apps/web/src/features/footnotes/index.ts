// A footnote's text with its web addresses as links, for the editor's list and the versions.
// A feature of its own, not part of the editor's index: the section page imports that index
// statically, and this component's libs/editor import would pull the whole editor (Tiptap,
// Yjs) into the section page's chunk instead of the lazy editor chunk.
export { FootnoteText, type FootnoteTextProps } from './components/footnote-text';
