import type { Database, DbOrTx, ProgramRow } from '@hpen/db';
import { type RequestContext, systemContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import { factsFromProfile } from '../eligibility/eligibility-facts.js';
import { type EligibilityFacts, evaluateRules } from '../eligibility/eligibility-rules.js';
import type { DeclaredFacts, RuleDocument } from '../eligibility/eligibility.schemas.js';
import type { Audience } from '../profiles/profile-projection.js';
import { contentOf, presentEligibility, summaryOf, toConfirmOf } from './program-presenter.js';
import { programsErrors } from './programs.errors.js';
import type { ProgramsRepository } from './programs.repository.js';
import { type EligibilityList, type ProgramContent, programContentSchema, type ProgramView } from './programs.schemas.js';
import { SEEDED_PROGRAMS } from './seed-programs.js';

/** Runs in the transaction of an officer's change to a program's content or status. */
export type ProgramChangedHook = (tx: DbOrTx, programId: string) => Promise<void>;

interface Deps {
  db: Database;
  onProgramChanged?: ProgramChangedHook | undefined;
  programsRepository: ProgramsRepository;
  profilesRepository: ProfilesRepository;
  auditService: AuditService;
  clock: () => Date;
}

const STAFF = ['agency', 'curator', 'officer', 'admin'];

/** Who may edit a program and review its applications: admins, and officers of its agency. */
export function canManage(ctx: RequestContext, p: Pick<ProgramRow, 'organisationId'>): boolean {
  const a = ctx.actor;
  return !!a && (a.role === 'admin' || (a.role === 'officer' && a.organisationId !== null && a.organisationId === p.organisationId));
}

/** The program catalogue (versioned content), officers' edits and "which programs fit me". */
export function createProgramsService(deps: Deps) {
  const { db, programsRepository: repo, clock } = deps;
  const today = () => clock().toISOString().slice(0, 10);

  async function loadVisible(ctx: RequestContext, id: string) {
    const p = await repo.findProgram(id);
    if (!p) throw programsErrors.notFound();
    if (p.status !== 'published' && p.status !== 'closed' && !canManage(ctx, p)) throw programsErrors.notFound();
    return p;
  }

  async function view(ctx: RequestContext, p: ProgramRow): Promise<ProgramView> {
    const v = (await repo.version(p.id, p.currentVersion))!;
    const content = contentOf(v);
    const manage = canManage(ctx, p);
    return {
      ...summaryOf(p, v, today()),
      organisationId: p.organisationId,
      content,
      versionId: v.id,
      publishedAt: v.publishedAt?.toISOString() ?? null,
      updatedAt: p.updatedAt.toISOString(),
      toConfirm: toConfirmOf(content),
      can: manage ? ['edit', 'status', 'applications'] : [],
    };
  }

  function ensureOfficer(ctx: RequestContext) {
    const a = ctx.actor;
    if (!a || (a.role !== 'officer' && a.role !== 'admin')) throw programsErrors.forbidden('Programs are defined by officers');
    return a;
  }

  async function evaluateFor(profileId: string, audience: Audience, declaredByProgram: Map<string, DeclaredFacts>, lang: 'vi' | 'en') {
    const row = await deps.profilesRepository.findById(profileId);
    if (!row) throw programsErrors.notFound();
    const items = await repo.listWithCurrent(['published']);
    const asOf = clock();
    const programs = [];
    for (const { program, version } of items) {
      const facts = factsFromProfile(row, audience, declaredByProgram.get(program.id) ?? {}, asOf);
      if (!facts) throw programsErrors.notFound();
      programs.push(presentEligibility(program, version, evaluateRules(contentOf(version).rules, facts), lang));
    }
    return { profileId, asOf: asOf.toISOString().slice(0, 10), programs };
  }

  return {
    canManage,
    view,

    /**
     * The programs in force (seed-programs.ts), inserted once per database as published version 1;
     * a program seeded before its agency existed gets the agency when it appears. Never overwrites
     * an officer's edit.
     */
    async ensureSeeded() {
      let inserted = 0;
      for (const s of SEEDED_PROGRAMS) {
        const organisationId = await repo.organisationIdByCode(s.organisationCode);
        const existing = await repo.findProgramByCode(s.code);
        if (existing) {
          if (!existing.organisationId && organisationId) await repo.updateProgram(db, existing.id, { organisationId });
          continue;
        }
        const content = programContentSchema.parse(s.content) as unknown as Record<string, unknown>;
        await db.transaction(async (tx) => {
          const p = await repo.insertProgram(tx, { code: s.code, organisationId, status: 'published', currentVersion: 1 });
          await repo.insertVersion(tx, { programId: p.id, version: 1, content, publishedAt: clock(), note: 'seeded from POLICY-FACTS.md' });
          await deps.auditService.record(tx, systemContext, {
            action: 'program.seeded',
            targetType: 'program',
            targetId: p.id,
            details: { code: s.code },
          });
        });
        inserted++;
      }
      return inserted;
    },

    async list(ctx: RequestContext, manage: boolean) {
      if (manage) {
        ensureOfficer(ctx);
        const rows = await repo.listWithCurrent(null);
        return { items: rows.filter((r) => canManage(ctx, r.program)).map((r) => summaryOf(r.program, r.version, today())) };
      }
      const rows = await repo.listWithCurrent(['published']);
      return { items: rows.map((r) => summaryOf(r.program, r.version, today())) };
    },

    async get(ctx: RequestContext, id: string) {
      return view(ctx, await loadVisible(ctx, id));
    },

    async versions(ctx: RequestContext, id: string) {
      const p = await loadVisible(ctx, id);
      if (!canManage(ctx, p)) throw programsErrors.forbidden();
      const rows = await repo.versions(id);
      return {
        items: rows.map((v) => ({
          version: v.version,
          publishedAt: v.publishedAt?.toISOString() ?? null,
          createdAt: v.createdAt.toISOString(),
          note: v.note,
        })),
      };
    },

    async create(ctx: RequestContext, body: { code: string; content: ProgramContent; organisationId?: string | undefined }) {
      const a = ensureOfficer(ctx);
      const organisationId = body.organisationId ?? a.organisationId;
      // An officer without an agency would create a program nobody but an admin could edit.
      if (a.role !== 'admin' && (!organisationId || organisationId !== a.organisationId))
        throw programsErrors.forbidden('Officers define programs of their own agency');
      if (organisationId && !(await repo.organisation(organisationId))) throw programsErrors.badOrganisation();
      if (await repo.findProgramByCode(body.code)) throw programsErrors.codeTaken();
      return db.transaction(async (tx) => {
        const p = await repo.insertProgram(tx, {
          code: body.code,
          organisationId,
          createdBy: a.userId,
          status: 'draft',
          currentVersion: 1,
        });
        await repo.insertVersion(tx, {
          programId: p.id,
          version: 1,
          content: body.content as unknown as Record<string, unknown>,
          createdBy: a.userId,
        });
        await deps.auditService.record(tx, ctx, {
          action: 'program.created',
          targetType: 'program',
          targetId: p.id,
          details: { code: p.code },
        });
        return { id: p.id, version: 1 };
      });
    },

    /**
     * An unpublished version is edited in place; once a version has been shown to the public it is
     * frozen, and the edit becomes the next version (applications keep theirs).
     */
    async update(ctx: RequestContext, id: string, body: { content: ProgramContent; version: number; note: string }) {
      return db.transaction(async (tx) => {
        const p = await repo.findProgram(id, tx, true);
        if (!p) throw programsErrors.notFound();
        if (!canManage(ctx, p))
          throw p.status === 'published' || p.status === 'closed' ? programsErrors.forbidden() : programsErrors.notFound();
        if (body.version !== p.currentVersion) throw programsErrors.staleVersion();
        const current = (await repo.version(id, p.currentVersion, tx))!;
        const content = body.content as unknown as Record<string, unknown>;
        let version = current.version;
        if (current.publishedAt) {
          version = current.version + 1;
          await repo.insertVersion(tx, {
            programId: id,
            version,
            content,
            createdBy: ctx.actor!.userId,
            note: body.note,
            publishedAt: p.status === 'published' ? clock() : null,
          });
          await repo.updateProgram(tx, id, { currentVersion: version });
        } else {
          await repo.updateVersion(tx, current.id, { content, note: body.note });
          await repo.updateProgram(tx, id, {});
        }
        await deps.auditService.record(tx, ctx, {
          action: 'program.updated',
          targetType: 'program',
          targetId: id,
          details: { version, newVersion: version !== current.version, note: body.note },
        });
        await deps.onProgramChanged?.(tx, id);
        return { id, version };
      });
    },

    async setStatus(ctx: RequestContext, id: string, status: ProgramRow['status']) {
      return db.transaction(async (tx) => {
        const p = await repo.findProgram(id, tx, true);
        if (!p) throw programsErrors.notFound();
        if (!canManage(ctx, p)) throw programsErrors.forbidden();
        if (status === 'published') {
          const v = (await repo.version(id, p.currentVersion, tx))!;
          if (!v.publishedAt) await repo.updateVersion(tx, v.id, { publishedAt: clock() });
        }
        await repo.updateProgram(tx, id, { status });
        await deps.auditService.record(tx, ctx, {
          action: 'program.status',
          targetType: 'program',
          targetId: id,
          details: { from: p.status, to: status },
        });
        await deps.onProgramChanged?.(tx, id);
        return { id, version: p.currentVersion };
      });
    },

    /** "Which programs fit me": the owner's own profile, with the declared facts of their latest applications. */
    async myEligibility(ctx: RequestContext, lang: 'vi' | 'en'): Promise<EligibilityList> {
      if (!ctx.actor) throw programsErrors.forbidden();
      const profile = await deps.profilesRepository.findByUserId(ctx.actor.userId);
      if (!profile) throw programsErrors.noProfile();
      const apps = await repo.listApplications({ profileId: profile.id });
      const declared = new Map<string, DeclaredFacts>();
      for (const { a } of [...apps].sort((x, y) => x.a.updatedAt.getTime() - y.a.updatedAt.getTime()))
        declared.set(a.programId, a.declared);
      return evaluateFor(profile.id, 'owner', declared, lang);
    },

    /** Staff looking at any profile: only what the expert shares with agencies is used. */
    async eligibilityOf(ctx: RequestContext, profileId: string, lang: 'vi' | 'en'): Promise<EligibilityList> {
      if (!ctx.actor || !STAFF.includes(ctx.actor.role)) throw programsErrors.forbidden('Staff only');
      return evaluateFor(profileId, 'agencies', new Map(), lang);
    },

    /**
     * The rule editor's test panel for one program: its current rules or the draft being edited,
     * against sample profiles and stored profiles (through the agencies' projection), nothing stored.
     */
    async testProgramRules(
      ctx: RequestContext,
      id: string,
      body: { rules?: RuleDocument | undefined; profiles: Array<{ label: string; facts: EligibilityFacts }>; profileIds: string[] },
    ) {
      ensureOfficer(ctx);
      const p = await loadVisible(ctx, id);
      if (!canManage(ctx, p)) throw programsErrors.forbidden();
      const rules = body.rules ?? contentOf((await repo.version(p.id, p.currentVersion))!).rules;
      const slim = (label: string, profileId: string | null, r: ReturnType<typeof evaluateRules>) => ({
        label,
        profileId,
        outcome: r.outcome,
        status: r.status,
        gap: r.gap,
        group: r.group,
        criteria: r.criteria.map((c) => ({ id: c.id, status: c.status, value: c.value, depth: c.depth })),
        groups: r.groups.map((g) => ({ code: g.code, status: g.status })),
      });
      const results = body.profiles.map((s) => slim(s.label, null, evaluateRules(rules, s.facts)));
      const asOf = clock();
      for (const profileId of body.profileIds) {
        const row = await deps.profilesRepository.findById(profileId);
        const facts = row ? factsFromProfile(row, 'agencies', {}, asOf) : null;
        if (!row || !facts) throw programsErrors.profileNotFound();
        results.push(slim(row.fullName, profileId, evaluateRules(rules, facts)));
      }
      return { results };
    },

    /** The rule editor's test: a rule document against a sample profile, nothing stored. */
    testRules(ctx: RequestContext, rules: RuleDocument, facts: EligibilityFacts) {
      ensureOfficer(ctx);
      return evaluateRules(rules, facts);
    },
  };
}
export type ProgramsService = ReturnType<typeof createProgramsService>;
