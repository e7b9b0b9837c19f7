import { describe, expect, it } from 'vitest';
import { createReportAggregates } from './report-aggregates.js';
import type { ReportAggregatesRepository, StoredAggregate } from './report-aggregates.repository.js';

/** The stored rows in a map, the change stamp and the clock set by the test, each computation counted. */
function setup() {
  const rows = new Map<string, StoredAggregate>();
  const repo: ReportAggregatesRepository = {
    find: async (key) => rows.get(key),
    store: async (row) => void rows.set(row.key, row),
  };
  const state = { stamp: 'a', now: new Date('2026-12-01T00:00:00Z'), computed: [] as string[] };
  const compute = (key: string) => async (now: Date) => {
    state.computed.push(key);
    return { key, at: now.toISOString() };
  };
  const aggregates = createReportAggregates({
    aggregatesRepository: repo,
    changeStamp: async () => state.stamp,
    compute: { overview: compute('overview'), public: compute('public') },
    clock: () => state.now,
    maxAgeMs: 3_600_000,
  });
  return { aggregates, state, rows };
}

describe('stored report aggregates', () => {
  it('computes once when nothing is stored, concurrent readers sharing the work, then only reads', async () => {
    const { aggregates, state } = setup();
    const [a, b] = await Promise.all([aggregates.read('overview'), aggregates.read('overview')]);
    expect(state.computed).toEqual(['overview']);
    expect(a.asOf).toEqual(state.now);
    expect(b.figures).toEqual(a.figures);
    state.stamp = 'b';
    state.now = new Date('2026-12-01T00:10:00Z');
    expect((await aggregates.read('overview')).asOf).toEqual(new Date('2026-12-01T00:00:00Z'));
    expect(state.computed).toEqual(['overview']);
  });

  it('refreshes what changed, leaves what did not, and recomputes figures past their maximum age', async () => {
    const { aggregates, state, rows } = setup();
    expect(await aggregates.refresh()).toEqual(['overview', 'public']);
    expect([...rows.keys()]).toEqual(['overview:v1', 'public:v1']);
    state.now = new Date('2026-12-01T00:05:00Z');
    expect(await aggregates.refresh()).toEqual([]);
    state.stamp = 'b';
    expect(await aggregates.refresh()).toEqual(['overview', 'public']);
    expect((await aggregates.read('public')).asOf).toEqual(state.now);
    state.now = new Date('2026-12-01T01:05:00Z');
    expect(await aggregates.refresh()).toEqual(['overview', 'public']);
  });
});
