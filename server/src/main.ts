import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installProcessGuards } from './app/background.js';
import { buildApp } from './app/build-app.js';
import { ConfigError, loadConfig } from './app/config.js';
import { openRuntime, runtimeDependencies } from './app/runtime.js';
import { seedDemo } from './app/seed.js';

/** Generated experts in the demo, enough to make search and facets meaningful. */
const DEMO_SYNTHETIC_PROFILES = 300;

const startedAt = performance.now();
const say = (msg: string) => process.stdout.write(`${msg}\n`);

async function main() {
  const config = loadConfig();
  say(`Mạng lưới Trí thức Hải Phòng: starting on Node.js ${process.version}`);
  const runtime = await openRuntime(config, { info: say, warn: (m) => say(`warning: ${m}`) });
  const app = await buildApp({ config, ...runtimeDependencies(runtime) });
  installProcessGuards(app.log);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping…`);
    await app.close().catch(() => {});
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  if (config.seedDemo) {
    // Each step seeds once per database; a step that did work says how long it took.
    const step = async (name: string, run: () => Promise<boolean>) => {
      const began = performance.now();
      const did = await run();
      if (did) say(`demo: ${name} in ${((performance.now() - began) / 1000).toFixed(1)}s`);
    };
    const result = await seedDemo(runtime.database.db, { password: config.seedDemoPassword, syntheticProfiles: DEMO_SYNTHETIC_PROFILES });
    await step('consultations', () => app.seedDemoConsultations());
    await step('curation', () => app.seedDemoCuration());
    await step('reports', () => app.seedDemoReports());
    await step('programs', () => app.seedDemoPrograms());
    await step('privacy', () => app.seedDemoPrivacy());
    await step('awards', () => app.seedDemoAwards());
    await step('offers', () => app.seedDemoOffers());
    if (result.seeded) {
      const lines = [
        'Demo accounts (created now):',
        ...result.accounts.map((a) => `  ${a.role.padEnd(8)} ${a.email}`),
        `  password: ${result.password}`,
      ];
      say(lines.join('\n'));
      if (!config.seedDemoPassword) {
        writeFileSync(join(config.dataDir, 'demo-accounts.txt'), `${lines.join('\n')}\n`, { mode: 0o600 });
      }
    } else {
      say(
        `Demo accounts: ${result.accounts.map((a) => a.email).join(', ')} (password printed at first start${config.seedDemoPassword ? '' : `; see ${join(config.dataDir, 'demo-accounts.txt')}`})`,
      );
    }
  }
  if (!config.smtpUrl) say(`e-mail: no SMTP_URL, messages are written to ${join(config.dataDir, 'mail')}`);

  await app.listen({ port: config.port, host: config.host });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  say(`\nMạng lưới Trí thức Hải Phòng is ready in ${seconds}s at ${config.publicUrl}  (API docs: ${config.publicUrl}/api/docs)`);
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
