/**
 * Runs the stored jobs (reminders, notification e-mail, daily digests) as their own process:
 *   npm run scheduler        (with SCHEDULER=off in the app)
 * On the embedded defaults stop the app first: PGlite belongs to one process at a time.
 */
import { buildApp, loadConfig, openRuntime, runtimeDependencies } from '@hpen/server';

const config = loadConfig({ ...process.env, SCHEDULER: 'off', SEARCH_RELAY: 'off', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
const runtime = await openRuntime(config, { info: (m) => console.error(m), warn: (m) => console.error(`warning: ${m}`) });
const app = await buildApp({ config, ...runtimeDependencies(runtime) });
await app.ready();
try {
  console.error('scheduler running; Ctrl-C to stop');
  app.scheduler.start();
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
} finally {
  await app.close();
  await runtime.close();
}
