export { buildApp, type AppDependencies } from './app/build-app.js';
export { loadConfig, type AppConfig } from './app/config.js';
export { openRuntime } from './app/runtime.js';
export { seedDemo } from './modules/seed/demo-seed.js';
export { createProfileGenerator, type GeneratedProfile } from './modules/seed/synthetic-profiles.js';
export { insertSyntheticProfiles, currentFieldCodes, type InsertSyntheticOptions } from './modules/seed/synthetic-seed.js';
