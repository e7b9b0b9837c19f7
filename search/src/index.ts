export * from './client.js';
export * from './local-server.js';
