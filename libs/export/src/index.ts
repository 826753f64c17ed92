// The compiler itself (compiler.ts) is loaded only inside the worker thread (render-worker.ts),
// so that the server's main thread never loads the native Typst addon.
export * from './model.js';
export * from './labels.js';
export * from './text.js';
export * from './images.js';
export * from './errors.js';
export * from './render-data.js';
export * from './export-worker.js';
