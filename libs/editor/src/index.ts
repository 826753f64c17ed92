export * from './extensions.js';
export * from './links.js';
