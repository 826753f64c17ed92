export * from './awareness.js';
export * from './collab-server.js';
export * from './connection.js';
export * from './limits.js';
export * from './ports.js';
export * from './protocol.js';
export * from './updates.js';
