export { buildApp, type AppDependencies } from './app/build-app.js';
export { loadConfig, type AppConfig } from './app/config.js';
export { openRuntime, runtimeDependencies } from './app/runtime.js';
export { currentFieldCodes, insertSyntheticProfiles, seedDemo } from './app/seed.js';
export { createProfileGenerator, type GeneratedProfile } from './modules/seed/synthetic-profiles.js';
export type { InsertSyntheticOptions } from './modules/seed/synthetic-seed.js';
export { pooledByDefault } from './modules/mail/mail.service.js';
