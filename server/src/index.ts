export { buildApp, type AppDependencies } from './app/build-app.js';
export { loadConfig, type AppConfig } from './app/config.js';
export { openRuntime } from './app/runtime.js';
export { seedDemo } from './modules/seed/demo-seed.js';
