// The compiler itself (compiler.ts) is loaded only inside the renderer process (render-process.ts),
// so that the server process never loads the native Typst addon.
export * from './model.js';
export * from './labels.js';
export * from './text.js';
export * from './images.js';
export * from './errors.js';
export * from './render-data.js';
export * from './export-worker.js';
export * from './sources.js';
export { forEachNode } from './json-nodes.js';
export * from './odt/odt.js';
