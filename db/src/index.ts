export * from './client.js';
export * from './schema/index.js';
export * from './insert-many.js';
export * from './reference-data.js';
