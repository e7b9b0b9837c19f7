export * from './enums.js';
export * from './organisations.js';
export * from './users.js';
export * from './auth.js';
export * from './audit.js';
export * from './outbox.js';
export * from './profiles.js';
export * from './shortlists.js';
