import type { DbOrTx, ExpertProfileRow, ProgramVersionRow } from '@hpen/db';
import type { Scheduler } from '../scheduler/scheduler.service.js';
import { contentOf } from '../programs/program-presenter.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import { assumedDeclarations } from './assumed-declarations.js';
import { factsFromProfile } from './eligibility-facts.js';
import type { EligibilityOutcomesRepository, OutcomeValues } from './eligibility-outcomes.repository.js';
import { evaluateRules } from './eligibility-rules.js';
import { nameSortKey } from '../shared/name-sort-key.js';

export const ELIGIBILITY_PASS_JOB = 'eligibility.pass';
export const ELIGIBILITY_DAILY_JOB = 'eligibility.daily';

interface Deps {
  db: DbOrTx;
  eligibilityOutcomesRepository: EligibilityOutcomesRepository;
  profilesRepository: ProfilesRepository;
  scheduler: Scheduler;
  clock: () => Date;
  /** Profiles read per batch; the event loop is yielded between batches. */
  batchSize?: number;
  /** A pass job stops after about this long and leaves the rest to its continuation (well under the job lease). */
  sliceMs?: number;
}

interface PassPayload {
  /** One program (after an officer's change) or, when absent, every published program (the daily pass). */
  programId?: string;
  day: string;
  /** A slice: the versions of the pass, which began at `startedAt` (a newer pass takes a version over). */
  versionIds?: string[];
  startedAt?: string;
  /** The cursor when the slice was scheduled (its job's identity; the slice reads the stored cursor). */
  after?: string;
}

type Rules = ReturnType<typeof contentOf>['rules'];
interface Target {
  versionId: string;
  rules: Rules;
  assumed: ReturnType<typeof assumedDeclarations>;
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The outcomes of profiles against program versions, on what agencies may see (the one projection). */
export function evaluateOutcomes(rows: ExpertProfileRow[], targets: Target[], day: string): OutcomeValues[] {
  const asOf = new Date(`${day}T00:00:00Z`);
  const out: OutcomeValues[] = [];
  for (const row of rows) {
    const nameKey = nameSortKey(row.fullName);
    for (const t of targets) {
      const facts = factsFromProfile(row, 'agencies', t.assumed, asOf);
      if (!facts) continue;
      const r = evaluateRules(t.rules, facts);
      if (r.outcome !== 'not_eligible')
        out.push({ programVersionId: t.versionId, profileId: row.id, outcome: r.outcome, group: r.group, gap: r.gap, asOf: day, nameKey });
    }
  }
  return out;
}

const targetOf = (v: ProgramVersionRow): Target => {
  const rules = contentOf(v).rules;
  return { versionId: v.id, rules, assumed: assumedDeclarations(rules) };
};

/**
 * Keeps "who is eligible for program X" precomputed: a profile change re-evaluates that profile
 * against every published program (the outbox relay calls reevaluate() with the rows it delivers,
 * so a row is done, and may be pruned, only once both search and eligibility have it); a new or
 * republished version, and each new day, recompute in time-bounded scheduler jobs. A pass's
 * progress is its stored keyset cursor: a job cut short by a restart is run again by the scheduler
 * and continues from there.
 */
export function createEligibilityOutcomesService(deps: Deps) {
  const { eligibilityOutcomesRepository: repo, scheduler, clock } = deps;
  const batchSize = deps.batchSize ?? 500;
  const sliceMs = deps.sliceMs ?? 5000;

  async function scheduleSlice(payload: PassPayload) {
    await scheduler.schedule(deps.db, {
      kind: ELIGIBILITY_PASS_JOB,
      key: `${payload.programId ?? 'all'}:${payload.day}:${payload.startedAt}:${payload.after ?? 'start'}`,
      dueAt: clock(),
      payload: { ...payload },
    });
    scheduler.nudge();
  }

  /**
   * Begins a pass (only bookkeeping: the evaluation runs in the slices it schedules). An officer's
   * change always recomputes its program (a program closed and published again has stale rows);
   * the daily pass leaves alone versions complete for the day and those whose pass of the day is
   * under way (its slices continue it).
   */
  async function beginPass(p: PassPayload) {
    const now = clock();
    const current = (await repo.publishedCurrent()).filter((c) => !p.programId || c.programId === p.programId);
    const versionIds: string[] = [];
    for (const c of current) {
      const run = p.programId ? undefined : await repo.run(c.version.id);
      if (run?.completeFor === p.day || run?.computingFor === p.day) continue;
      await repo.beginPass(c.version.id, c.programId, p.day, now);
      versionIds.push(c.version.id);
    }
    if (versionIds.length) await scheduleSlice({ ...p, versionIds, startedAt: now.toISOString() });
  }

  /** The slice's versions still in its pass (a newer pass may have taken one over), from their stored cursor. */
  async function continuedVersions(p: PassPayload) {
    const versions: ProgramVersionRow[] = [];
    let after: string | null = null;
    for (const id of p.versionIds ?? []) {
      const run = await repo.run(id);
      const v = await repo.version(id);
      if (run?.computingFor !== p.day || run.startedAt?.toISOString() !== p.startedAt || !v) continue;
      versions.push(v);
      after = run.cursor; // advanced together: the same for every version of the pass
    }
    return { versions, after };
  }

  async function runPass(p: PassPayload) {
    if (!p.versionIds) return beginPass(p);
    const { versions, after: from } = await continuedVersions(p);
    if (!versions.length) return;
    const targets = versions.map(targetOf);
    const ids = versions.map((v) => v.id);
    const started = performance.now();
    let after = from;
    for (;;) {
      const rows = await repo.profilesAfter(after, batchSize);
      if (rows.length) {
        await repo.replaceFor(
          ids,
          rows.map((r) => r.id),
          evaluateOutcomes(rows, targets, p.day),
        );
        after = rows[rows.length - 1]!.id;
        await repo.advancePass(ids, after, rows.length);
      }
      if (rows.length < batchSize) {
        for (const v of versions) await repo.completePass(v.id, v.programId, p.day, clock());
        await repo.analyze();
        return;
      }
      if (performance.now() - started > sliceMs) {
        await scheduleSlice({ ...p, versionIds: ids, after: after ?? undefined });
        return;
      }
      await yieldToEventLoop();
    }
  }

  /** Re-evaluates these profiles against every published program (the outbox relay calls it after their change). */
  async function reevaluate(profileIds: string[]) {
    if (!profileIds.length) return;
    const current = await repo.publishedCurrent();
    if (!current.length) return;
    const rows = await deps.profilesRepository.findByIds(profileIds);
    await repo.replaceFor(
      current.map((c) => c.version.id),
      profileIds,
      evaluateOutcomes(
        rows,
        current.map((c) => targetOf(c.version)),
        dayOf(clock()),
      ),
    );
  }

  return {
    runPass,
    reevaluate,

    /**
     * A version's list from the table (null: no complete pass yet, the caller scans): one page in
     * the list's order and the counts, each one indexed query.
     */
    async answer(programId: string, version: ProgramVersionRow) {
      const run = await repo.run(version.id);
      if (!run?.completeFor || run.programId !== programId) return null;
      const today = dayOf(clock());
      return {
        page: (q: { nearly: boolean; limit: number; offset: number }) => repo.page(version.id, q),
        counts: () => repo.counts(version.id),
        scanned: () => repo.profileCount(),
        asOf: run.completeFor,
        computing: run.completeFor !== today || run.computingFor !== null,
      };
    },

    /** Whether a pass for this version is under way (a scan answer says so). */
    async computing(versionId: string) {
      return (await repo.run(versionId))?.computingFor != null;
    },

    /** After an officer's change (in their transaction): recompute the program's current version. */
    async onProgramChanged(tx: Parameters<Scheduler['schedule']>[0], programId: string) {
      const now = clock();
      await scheduler.schedule(tx, {
        kind: ELIGIBILITY_PASS_JOB,
        key: `${programId}:${now.toISOString()}`,
        dueAt: now,
        payload: { programId, day: dayOf(now) },
      });
    },

    /**
     * At start, only stores jobs (the work runs in the scheduler's background): today's pass, once
     * per day whatever the number of starts, and a first pass for a published version that never
     * had one (e.g. after the outcomes were cleared by a migration).
     */
    async ensureDailyScheduled() {
      const now = clock();
      const day = dayOf(now);
      // A new daily job begins every version anyway; one that already ran left these out.
      if (await scheduler.schedule(deps.db, { kind: ELIGIBILITY_DAILY_JOB, key: day, dueAt: now })) return;
      const missing: string[] = [];
      for (const c of await repo.publishedCurrent()) if (!(await repo.run(c.version.id))) missing.push(c.version.id);
      if (!missing.length) return;
      // One daily-like pass (not one per version: passes begun side by side would take versions from each other).
      await scheduler.schedule(deps.db, {
        kind: ELIGIBILITY_PASS_JOB,
        key: `first:${day}:${missing.join(',')}`,
        dueAt: now,
        payload: { day },
      });
    },

    register() {
      scheduler.register(ELIGIBILITY_PASS_JOB, async (job) => runPass(job.payload as unknown as PassPayload));
      scheduler.register(ELIGIBILITY_DAILY_JOB, async () => {
        // The next one from today, not from this job's day: a job run late (or a clock moved ahead) runs once.
        const now = clock();
        const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
        await scheduler.schedule(deps.db, { kind: ELIGIBILITY_DAILY_JOB, key: dayOf(at), dueAt: at });
        await runPass({ day: dayOf(clock()) });
      });
    },
  };
}
export type EligibilityOutcomesService = ReturnType<typeof createEligibilityOutcomesService>;
