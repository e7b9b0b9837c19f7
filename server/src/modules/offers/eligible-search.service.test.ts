import type { ExpertProfileRow, ProgramVersionRow } from '@hpen/db';
import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../../app/request-context.js';
import type { EligibilityOutcomesService } from '../eligibility/eligibility-outcomes.service.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import { SEEDED_PROGRAMS } from '../programs/seed-programs.js';
import { createProfileGenerator } from '../seed/synthetic-profiles.js';
import { syntheticRow } from '../seed/synthetic-seed.js';
import type { OffersRepository } from './offers.repository.js';
import { createEligibleSearchService } from './eligible-search.service.js';

const programId = '00000000-0000-4000-8000-000000000001';
const version = {
  id: '00000000-0000-4000-8000-000000000002',
  programId,
  version: 1,
  content: SEEDED_PROGRAMS[0].content,
} as unknown as ProgramVersionRow;
const next = createProfileGenerator({ seed: 5, fieldCodes: ['101', '201', '301'] });
const rows = Array.from({ length: 120 }, () => {
  const now = new Date();
  return {
    ...syntheticRow(next()),
    version: 1,
    verifications: {},
    listed: true,
    createdAt: now,
    updatedAt: now,
  } as unknown as ExpertProfileRow;
});
const agency: RequestContext = {
  actor: { userId: 'u', role: 'agency', organisationId: null, sessionId: 's' },
  ip: null,
  userAgent: null,
  requestId: null,
};

/**
 * The scan path ("who is eligible" before a pass of the program's current version has ended) over a
 * real rule set and generated profiles; the stores around it count what the service asks of them.
 */
function serviceCountingScans(failFirst = false) {
  let scans = 0;
  let stamp = 1;
  const service = createEligibleSearchService({
    offersRepository: {
      programWithCurrent: async () => ({ program: { id: programId, status: 'published' }, version }),
      profilesStamp: async () => `stamp-${stamp}`,
    } as unknown as OffersRepository,
    profilesRepository: {
      findByIds: async (ids: string[]) => rows.filter((r) => ids.includes(r.id)),
      async *pages(size: number) {
        scans++;
        if (failFirst && scans === 1) {
          await new Promise((r) => setTimeout(r, 20));
          throw new Error('connection lost');
        }
        for (let i = 0; i < rows.length; i += size) {
          await new Promise((r) => setTimeout(r, 5)); // a database round trip
          yield rows.slice(i, i + size);
        }
      },
    } as unknown as ProfilesRepository,
    eligibilityOutcomesService: { answer: async () => null, computing: async () => true } as unknown as EligibilityOutcomesService,
    clock: () => new Date(),
    batchSize: 25,
  });
  return { service, scans: () => scans, touch: () => stamp++ };
}

const query = { programId, nearly: 'true' as const, page: 1, pageSize: 10 };

describe('eligible search by scan', () => {
  it('shares one scan between the requests that arrive while it runs, and keeps its list for the next pages', async () => {
    const s = serviceCountingScans();
    const answers = await Promise.all(Array.from({ length: 5 }, () => s.service.search(agency, query)));
    expect(s.scans()).toBe(1);
    for (const a of answers) {
      expect(a.source).toBe('scan');
      expect(a.counts).toEqual(answers[0]!.counts);
      expect(a.items).toEqual(answers[0]!.items);
    }
    expect(answers[0]!.counts.scanned).toBe(rows.length);
    await s.service.search(agency, { ...query, page: 2 });
    expect(s.scans()).toBe(1);
  });

  it('scans again once the profiles changed (a new stamp)', async () => {
    const s = serviceCountingScans();
    await s.service.search(agency, query);
    s.touch();
    await Promise.all([s.service.search(agency, query), s.service.search(agency, query)]);
    expect(s.scans()).toBe(2);
  });

  it('does not keep a failed scan: the requests that shared it fail, the next one scans again', async () => {
    const s = serviceCountingScans(true);
    const shared = await Promise.allSettled([s.service.search(agency, query), s.service.search(agency, query)]);
    expect(shared.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(s.scans()).toBe(1);
    expect((await s.service.search(agency, query)).counts.scanned).toBe(rows.length);
    expect(s.scans()).toBe(2);
  });
});
