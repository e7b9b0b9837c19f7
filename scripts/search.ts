/**
 * Search operations:
 *   npm run search:reindex          build new indexes from the database and swap them in
 *   npm run search:drift [-- --repair]  compare database and index (counts, per-id hashes); repair the differences
 *   npm run search:relay            run the outbox relay as its own process (with SEARCH_RELAY=off in the app)
 *
 * They use the same configuration as the app. On the embedded defaults (PGlite, local
 * Meilisearch) stop the app first: those data folders belong to one process at a time.
 */
import { buildApp, loadConfig, openRuntime, runtimeDependencies } from '@hpen/server';
import { checkDrift } from '../server/src/modules/search/search-sync.js';

const [command, ...flags] = process.argv.slice(2);
if (!['reindex', 'drift', 'relay'].includes(command ?? '')) {
  console.error('usage: tsx scripts/search.ts reindex | drift [--repair] | relay');
  process.exit(2);
}

const config = loadConfig({ ...process.env, SEARCH_RELAY: 'off', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
const runtime = await openRuntime(config, { info: (m) => console.error(m), warn: (m) => console.error(`warning: ${m}`) });
const app = await buildApp({ config, ...runtimeDependencies(runtime) });
await app.ready();
// The app serves before its indexes are ready; these operations need them.
await app.searchSync.readiness.whenUsable(600_000);
const { deps, relay, reindex } = app.searchSync;
const bar = (done: number, total: number) => {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
};

let exitCode = 0;
try {
  if (command === 'reindex') {
    await reindex.wait(); // a rebuild the start-up may have begun (new indexes)
    reindex.start('command line');
    const ticker = setInterval(() => bar(reindex.state().done, reindex.state().total), 250);
    await reindex.wait();
    clearInterval(ticker);
    const state = reindex.state();
    if (state.error) throw new Error(state.error);
    console.log(
      `\nreindexed in ${((state.ms ?? 0) / 1000).toFixed(1)} s: ${state.documents?.public} public, ${state.documents?.agencies} agency documents`,
    );
  } else if (command === 'drift') {
    const repair = flags.includes('--repair');
    const reports = await checkDrift(deps, { repair, onProgress: bar });
    process.stderr.write('\n');
    for (const r of reports) {
      console.log(
        `${r.audience}: database ${r.database}, index ${r.index}; missing ${r.missing.length}, extra ${r.extra.length}, stale ${r.stale.length}`,
      );
      for (const [kind, list] of [
        ['missing', r.missing],
        ['extra', r.extra],
        ['stale', r.stale],
      ] as const) {
        for (const id of list.slice(0, 20)) console.log(`  ${kind} ${id}`);
        if (list.length > 20) console.log(`  … ${list.length - 20} more ${kind}`);
      }
    }
    const drifted = reports.some((r) => r.missing.length + r.extra.length + r.stale.length > 0);
    if (drifted) console.log(repair ? 'repaired' : 'run with --repair to fix');
    exitCode = drifted && !repair ? 1 : 0;
  } else {
    console.error('search relay running; Ctrl-C to stop');
    relay.start();
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
  }
} finally {
  await app.close();
  await runtime.close();
}
process.exit(exitCode);
