export * from './client.js';
export * from './local-server.js';
export * from './expert-index.js';
