export * from './api.js';
export * from './errors.js';
export * from './limits.js';
export * from './numbering.js';
export * from './permissions.js';
export * from './review-state.js';
export * from './roles.js';
