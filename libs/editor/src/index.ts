export * from './extensions.js';
export * from './links.js';
export * from './content.js';
export * from './anchors.js';
export * from './restore.js';
export * from './footnote.js';
export * from './image-caption.js';
export * from './footnote-links.js';
export * from './script-marks.js';
export * from './pasted-headings.js';
export * from './table-caption.js';
export * from './section-ref.js';
export * from './figure-id.js';
export * from './figure-ref.js';
export * from './citation.js';
// The web editor's table node view adds the caption to Tiptap's (apps/web: internal/table-captions.ts);
// exported here, so that the web app depends on the schema's library and not on the table package.
export { TableView } from '@tiptap/extension-table';
export * from './suggestion.js';
