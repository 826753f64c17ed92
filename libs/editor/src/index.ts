export * from './extensions.js';
export * from './links.js';
export * from './content.js';
export * from './anchors.js';
export * from './restore.js';
export * from './footnote.js';
export * from './image-caption.js';
export * from './footnote-links.js';
