import type { DbOrTx, ExpertProfileRow, ProgramVersionRow } from '@hpen/db';
import type { Scheduler } from '../scheduler/scheduler.service.js';
import { contentOf } from '../programs/program-presenter.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import { assumedDeclarations } from './assumed-declarations.js';
import { factsFromProfile } from './eligibility-facts.js';
import type { EligibilityOutcomesRepository, OutcomeValues } from './eligibility-outcomes.repository.js';
import { evaluateRules } from './eligibility-rules.js';
import { createWakeableSleep } from '../shared/wakeable-sleep.js';

export const ELIGIBILITY_PASS_JOB = 'eligibility.pass';
export const ELIGIBILITY_DAILY_JOB = 'eligibility.daily';

interface Logger {
  warn(obj: object, msg?: string): void;
}

interface Deps {
  db: DbOrTx;
  eligibilityOutcomesRepository: EligibilityOutcomesRepository;
  profilesRepository: ProfilesRepository;
  scheduler: Scheduler;
  logger: Logger;
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
  /** Continuation: the versions of the pass and the last profile evaluated. */
  versionIds?: string[];
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
  for (const row of rows)
    for (const t of targets) {
      const facts = factsFromProfile(row, 'agencies', t.assumed, asOf);
      if (!facts) continue;
      const r = evaluateRules(t.rules, facts);
      if (r.outcome !== 'not_eligible')
        out.push({ programVersionId: t.versionId, profileId: row.id, outcome: r.outcome, group: r.group, gap: r.gap, asOf: day });
    }
  return out;
}

const targetOf = (v: ProgramVersionRow): Target => {
  const rules = contentOf(v).rules;
  return { versionId: v.id, rules, assumed: assumedDeclarations(rules) };
};

/**
 * Keeps "who is eligible for program X" precomputed: a profile change re-evaluates that profile
 * against every published program (read from the outbox after a cursor of our own); a new or
 * republished version, and each new day, recompute in time-bounded scheduler jobs that resume
 * from their keyset cursor after a restart.
 */
export function createEligibilityOutcomesService(deps: Deps) {
  const { eligibilityOutcomesRepository: repo, scheduler, clock } = deps;
  const batchSize = deps.batchSize ?? 500;
  const sliceMs = deps.sliceMs ?? 5000;
  let running = false;
  let loop: Promise<void> | undefined;
  const { sleep, wake } = createWakeableSleep();

  async function schedulePass(payload: PassPayload, label: string) {
    await scheduler.schedule(deps.db, {
      kind: ELIGIBILITY_PASS_JOB,
      key: `${label}:${payload.day}:${payload.after ?? 'start'}`,
      dueAt: clock(),
      payload: { ...payload },
    });
    scheduler.nudge();
  }

  /**
   * The versions a pass starts with: the daily pass skips those already complete for the day; an
   * officer's change always recomputes (a program closed and published again has stale rows).
   */
  async function startVersions(p: PassPayload) {
    const current = (await repo.publishedCurrent()).filter((c) => !p.programId || c.programId === p.programId);
    const versions: ProgramVersionRow[] = [];
    for (const c of current) {
      if (!p.programId && (await repo.run(c.version.id))?.completeFor === p.day) continue;
      await repo.beginPass(c.version.id, c.programId, p.day, clock());
      versions.push(c.version);
    }
    return versions;
  }

  async function continuedVersions(p: PassPayload) {
    // A newer pass (the next day, or an officer's change) took over a version: leave it to that one.
    const versions: ProgramVersionRow[] = [];
    for (const id of p.versionIds ?? []) {
      const run = await repo.run(id);
      const v = await repo.version(id);
      if (run?.computingFor === p.day && v) versions.push(v);
    }
    return versions;
  }

  async function runPass(p: PassPayload) {
    const versions = p.versionIds ? await continuedVersions(p) : await startVersions(p);
    if (!versions.length) return;
    const targets = versions.map(targetOf);
    const ids = versions.map((v) => v.id);
    const started = performance.now();
    let after = p.after;
    for (;;) {
      const rows = await repo.profilesAfter(after ?? null, batchSize);
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
        return;
      }
      if (performance.now() - started > sliceMs) {
        await schedulePass({ ...p, versionIds: ids, after }, p.programId ?? 'all');
        return;
      }
      await yieldToEventLoop();
    }
  }

  /** Re-evaluates the profiles named by outbox rows written since the last call; returns how many rows it read. */
  async function syncChanged(limit = 500): Promise<number> {
    const cursor = await repo.outboxCursor();
    if (cursor === null) {
      // First start on this database: the first passes evaluate every profile anyway.
      await repo.setOutboxCursor(await repo.outboxMaxId());
      return 0;
    }
    const events = await repo.changedProfilesAfter(cursor, limit);
    if (!events.length) return 0;
    const profileIds = [...new Set(events.map((e) => e.profileId))];
    const current = await repo.publishedCurrent();
    const day = dayOf(clock());
    const rows = await deps.profilesRepository.findByIds(profileIds);
    await repo.replaceFor(
      current.map((c) => c.version.id),
      profileIds,
      evaluateOutcomes(
        rows,
        current.map((c) => targetOf(c.version)),
        day,
      ),
    );
    await repo.setOutboxCursor(events[events.length - 1]!.id);
    return events.length;
  }

  return {
    runPass,
    syncChanged,

    /**
     * Every outcome row of one version, for the search (null: no complete pass yet, the caller
     * scans); `stamp` changes with any row written or removed, so the caller may keep its sorted list.
     */
    async answer(programId: string, version: ProgramVersionRow) {
      const run = await repo.run(version.id);
      if (!run?.completeFor || run.programId !== programId) return null;
      const [stamp, scanned] = await Promise.all([repo.outcomesStamp(version.id), repo.profileCount()]);
      const today = dayOf(clock());
      return {
        stamp,
        hits: () => repo.hits(version.id),
        scanned,
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

    /** Today's pass for every published program (idempotent per day); each daily job schedules the next. */
    async ensureDailyScheduled() {
      const now = clock();
      await scheduler.schedule(deps.db, { kind: ELIGIBILITY_DAILY_JOB, key: dayOf(now), dueAt: now });
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

    /** Follows profile changes in the background (like the search relay); stop() waits for the turn under way. */
    start(pollMs = 1000) {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          let read = 0;
          try {
            read = await syncChanged();
          } catch (error) {
            deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'eligibility: cannot follow profile changes');
          }
          if (running && read === 0) await sleep(pollMs);
        }
      })();
    },
    async stop() {
      running = false;
      wake();
      await loop;
    },
    /** Follows every change written so far (tests, scripts). */
    async drain() {
      while ((await syncChanged()) > 0);
    },
  };
}
export type EligibilityOutcomesService = ReturnType<typeof createEligibilityOutcomesService>;
