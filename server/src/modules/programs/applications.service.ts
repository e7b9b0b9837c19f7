import type {
  ApplicationDecision,
  Database,
  DbOrTx,
  ProgramApplicationReviewerRow,
  ProgramApplicationRow,
  ProgramRow,
  ProgramVersionRow,
} from '@hpen/db';
import type { ApplicationStatus } from '@hpen/db/enums';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { DocumentStore } from '../consultations/document-store.js';
import { factsFromView } from '../eligibility/eligibility-facts.js';
import { evaluateRules } from '../eligibility/eligibility-rules.js';
import type { DeclaredFacts } from '../eligibility/eligibility.schemas.js';
import type { Notice, NotificationsService } from '../notifications/notifications.service.js';
import type { ConsentGate } from '../privacy/privacy.module.js';
import { type Audience, projectProfile } from '../profiles/profile-projection.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import { missingForSubmission } from './application-completeness.js';
import { seatViews, underReview } from './application-review-seats.js';
import { type ApplicationEvent, canApply, nextApplicationStatus } from './applications.state.js';
import { contentOf, isOpen, presentEligibility } from './program-presenter.js';
import { programsErrors } from './programs.errors.js';
import type { ProgramsRepository } from './programs.repository.js';
import type { ApplicationView } from './programs.schemas.js';
import { canManage } from './programs.service.js';

/** Called inside an approval's transaction, with the application as approved. */
export type ApprovalHook = (
  tx: DbOrTx,
  ctx: RequestContext,
  x: { application: ProgramApplicationRow; program: ProgramRow; version: ProgramVersionRow; decisionDate: string },
) => Promise<unknown>;

interface Deps {
  db: Database;
  programsRepository: ProgramsRepository;
  profilesRepository: ProfilesRepository;
  auditService: AuditService;
  notificationsService: NotificationsService;
  consentGate: ConsentGate;
  store: DocumentStore;
  clock: () => Date;
  onApproved?: ApprovalHook | undefined;
}

interface Loaded {
  a: ProgramApplicationRow;
  p: ProgramRow;
  v: ProgramVersionRow;
  applicant: boolean;
  manager: boolean;
  /** The viewer's seat on the application's review council (invited or accepted), if that is how they see it. */
  seat: ProgramApplicationReviewerRow | null;
}

const DAY = 86_400_000;
/** An officer sees a paper dossier's profile as agencies do; the applicant sees their own in full. */
const audienceOf = (a: ProgramApplicationRow): Audience => (a.applicantUserId === null ? 'agencies' : 'owner');
export const applicationLink = (id: string) => `/programs/applications/${id}`;
const NOTICE: Record<ApplicationStatus, { vi: string; en: string }> = {
  draft: { vi: 'Hồ sơ nháp', en: 'Draft application' },
  submitted: { vi: 'Hồ sơ đã nộp', en: 'Application submitted' },
  in_review: { vi: 'Hồ sơ đang được xem xét', en: 'Application under review' },
  needs_information: { vi: 'Cần bổ sung thông tin cho hồ sơ', en: 'Information requested for your application' },
  approved: { vi: 'Hồ sơ được chấp thuận', en: 'Application approved' },
  rejected: { vi: 'Hồ sơ không được chấp thuận', en: 'Application rejected' },
  withdrawn: { vi: 'Hồ sơ đã rút', en: 'Application withdrawn' },
};

/**
 * Withdrawing is the applicant's choice: the officer who registered a paper dossier may discard it
 * while it is a draft, but once submitted it ends by a decision, not by the officer withdrawing it.
 */
const mayWithdraw = (l: Loaded) => l.a.applicantUserId !== null || l.a.status === 'draft';

/** Applications to a program version: snapshot, declared facts, evidence, review and decision. */
export function createApplicationsService(deps: Deps) {
  const { db, programsRepository: repo, clock } = deps;

  async function load(ctx: RequestContext, id: string, tx: DbOrTx = db, lock = false): Promise<Loaded> {
    const a = await repo.findApplication(id, tx, lock);
    if (!a || !ctx.actor) throw programsErrors.applicationNotFound();
    const p = (await repo.findProgram(a.programId, tx))!;
    // A paper dossier an officer registered for an expert without an account: the officer acts for the applicant.
    const paper = a.applicantUserId === null && canManage(ctx, p);
    const applicant = a.applicantUserId === ctx.actor.userId || paper;
    const manager = canManage(ctx, p) && (a.status !== 'draft' || paper);
    // A reviewer seated on it sees it while invited or after accepting; declining or a declared conflict ends that.
    const seat = applicant || manager ? null : await repo.reviewerSeat(a.id, ctx.actor.userId, tx);
    const seated = !!seat && (seat.status === 'invited' || seat.status === 'accepted');
    if (!applicant && !manager && !seated) throw programsErrors.applicationNotFound();
    const v = (await repo.versionById(a.programVersionId, tx))!;
    return { a, p, v, applicant, manager, seat: seated ? seat : null };
  }

  /** The applicant's profile as they see it, and the rules of the version applied to, evaluated on it. */
  async function assess(
    profileId: string,
    v: ProgramVersionRow,
    p: ProgramRow,
    declared: DeclaredFacts,
    audience: Audience,
    tx: DbOrTx = db,
  ) {
    const row = await deps.profilesRepository.findById(profileId, tx);
    const snapshot = row ? projectProfile(row, audience) : null;
    if (!snapshot) throw programsErrors.noProfile();
    const result = evaluateRules(contentOf(v).rules, factsFromView(snapshot, declared, clock()));
    return { snapshot, assessment: presentEligibility(p, v, result, 'vi') };
  }

  async function notify(tx: DbOrTx, l: Loaded, to: ApplicationStatus, note: string) {
    const programTitle = contentOf(l.v).title;
    const notice: Notice = {
      kind: `program_application.${to}`,
      title: NOTICE[to],
      body: { vi: `${programTitle.vi}${note ? `: ${note}` : ''}`, en: `${programTitle.en}${note ? `: ${note}` : ''}` },
      link: applicationLink(l.a.id),
      data: { applicationId: l.a.id, programId: l.p.id },
    };
    const staff = await repo.staffUserIds(l.p.organisationId, tx);
    const applicant = l.a.applicantUserId ? [l.a.applicantUserId] : [];
    await deps.notificationsService.notify(tx, [...staff, ...applicant], notice);
  }

  async function transition(
    ctx: RequestContext,
    id: string,
    event: ApplicationEvent,
    run: (l: Loaded, tx: DbOrTx) => Promise<Partial<ProgramApplicationRow>> | Partial<ProgramApplicationRow>,
    note = '',
  ) {
    return db.transaction(async (tx) => {
      const l = await load(ctx, id, tx, true);
      const applicantStep = event === 'submit' || event === 'respond' || event === 'withdraw';
      if (applicantStep ? !l.applicant : !l.manager)
        throw programsErrors.forbidden(applicantStep ? 'Only the applicant may do this' : undefined);
      if (event === 'withdraw' && !mayWithdraw(l)) throw programsErrors.forbidden('Only the applicant withdraws a submitted application');
      const to = nextApplicationStatus(l.a.status, event);
      const values = await run(l, tx);
      const row = await repo.updateApplication(tx, id, { ...values, status: to });
      await repo.insertEvent(tx, { applicationId: id, fromStatus: l.a.status, toStatus: to, actorUserId: ctx.actor!.userId, note });
      await deps.auditService.record(tx, ctx, {
        action: `program_application.${event}`,
        targetType: 'program_application',
        targetId: id,
        details: { from: l.a.status, to, programId: l.p.id, version: l.v.version, ...(note ? { note } : {}) },
      });
      if (to === 'approved' && deps.onApproved)
        await deps.onApproved(tx, ctx, {
          application: row,
          program: l.p,
          version: l.v,
          decisionDate: row.decision?.date ?? clock().toISOString().slice(0, 10),
        });
      await notify(tx, l, to, note);
      return { id: row.id, status: row.status };
    });
  }

  /** What the applicant must still add before submitting or answering (a paper dossier carries its own consent). */
  async function missingOf(l: Loaded, declared: DeclaredFacts, tx: DbOrTx = db) {
    const paper = l.a.applicantUserId === null;
    const [docs, consents] = await Promise.all([
      repo.documents(l.a.id, tx),
      paper ? null : deps.consentGate.statesOfProfiles([l.a.profileId], 'program_assessment', tx),
    ]);
    return missingForSubmission({
      content: contentOf(l.v),
      declared,
      documentPurposes: docs.map((d) => d.purpose),
      consentGranted: paper || consents?.get(l.a.profileId)?.state === 'granted',
    });
  }

  /** Submit and respond refuse an incomplete application, listing everything missing at once. */
  async function ensureComplete(l: Loaded, tx: DbOrTx) {
    const missing = await missingOf(l, l.a.declared, tx);
    if (missing.some((m) => m.kind === 'consent')) throw programsErrors.assessmentConsentRequired(false);
    if (missing.length) throw programsErrors.incomplete(missing);
  }

  async function view(l: Loaded): Promise<ApplicationView> {
    const content = contentOf(l.v);
    const [events, docs] = await Promise.all([repo.events(l.a.id), repo.documents(l.a.id)]);
    const completing = l.applicant && (l.a.status === 'draft' || l.a.status === 'needs_information');
    const assessment = (l.a.assessment as ApplicationView['assessment']) ?? null;
    const saved = new Map(l.a.checklist.map((c) => [c.criterionId, c]));
    const criteria = assessment ? [...assessment.criteria, ...assessment.groups.flatMap((g) => g.criteria)] : [];
    const can: string[] = [];
    if (l.applicant) {
      if (l.a.status === 'draft' || l.a.status === 'needs_information') can.push('edit', 'upload');
      for (const e of ['submit', 'respond'] as const) if (canApply(l.a.status, e)) can.push(e);
      if (canApply(l.a.status, 'withdraw') && mayWithdraw(l)) can.push('withdraw');
    }
    if (l.manager) {
      for (const e of ['start_review', 'request_information'] as const) if (canApply(l.a.status, e)) can.push(e);
      if (canApply(l.a.status, 'approve')) can.push('decide', 'checklist');
    }
    if (l.manager && underReview(l.a)) can.push('seat_reviewers');
    if (l.seat?.status === 'invited' && underReview(l.a)) can.push('answer_review');
    if (l.seat?.status === 'accepted' && underReview(l.a)) can.push('give_opinion');
    const fullName = (l.a.snapshot as { fullName?: string }).fullName ?? '';
    const full: ApplicationView = {
      ...summary(l.a, l.p, l.v, fullName),
      profileId: l.a.profileId,
      declared: l.a.declared,
      statement: l.a.statement,
      snapshot: l.a.snapshot,
      assessment,
      checklist: criteria
        .filter((c) => !['all', 'any', 'not'].includes(c.kind))
        .map((c) => ({
          criterionId: c.id,
          label: c.label,
          status: c.status,
          checked: saved.get(c.id)?.checked ?? false,
          note: saved.get(c.id)?.note ?? '',
        })),
      infoRequest: l.a.infoRequest,
      decision: l.a.decision
        ? {
            outcome: l.a.decision.outcome,
            number: l.a.decision.number,
            date: l.a.decision.date,
            reason: l.a.decision.reason,
            at: l.a.decision.at,
          }
        : null,
      documents: docs.map((d) => ({
        id: d.id,
        name: d.name,
        purpose: d.purpose,
        mime: d.mime,
        size: d.size,
        createdAt: d.createdAt.toISOString(),
      })),
      requiredDocuments: content.requiredDocuments,
      declaredFacts: content.rules.declaredFacts,
      timeline: events.map((e) => ({ from: e.fromStatus, to: e.toStatus, at: e.at.toISOString(), note: e.note })),
      can,
      // An officer keeping a paper dossier is its applicant while it is a draft, its reviewing officer after.
      viewer: l.manager && l.a.status !== 'draft' ? 'manager' : l.applicant ? 'applicant' : 'reviewer',
      // The officers see every seat, a reviewer their own, the applicant none.
      reviewers: await seatViews(deps.profilesRepository, l.manager ? await repo.reviewers(l.a.id) : l.seat ? [l.seat] : []),
      missing: completing ? await missingOf(l, l.a.declared) : [],
    };
    if (!l.seat) return full;
    // A reviewer is not the agency: invited, they see whose application it is (to declare a conflict) and nothing of
    // its content; once they accept, the profile as agencies see it today (not the applicant's own), the assessment
    // and the evidence.
    if (l.seat.status === 'invited')
      return { ...full, declared: {}, statement: '', snapshot: { fullName }, assessment: null, checklist: [], documents: [] };
    const row = await deps.profilesRepository.findById(l.a.profileId);
    return { ...full, snapshot: (row ? projectProfile(row, 'agencies') : null) ?? { fullName } };
  }

  function summary(a: ProgramApplicationRow, p: ProgramRow, v: ProgramVersionRow, applicantName: string) {
    const since = a.submittedAt ?? a.createdAt;
    const content = contentOf(v);
    return {
      id: a.id,
      programId: p.id,
      programCode: p.code,
      programTitle: content.title,
      programVersion: v.version,
      applicantName,
      status: a.status,
      outcomeAtSubmission: (a.assessment as { outcome?: 'eligible' | 'nearly' | 'not_eligible' } | null)?.outcome ?? null,
      submittedAt: a.submittedAt?.toISOString() ?? null,
      ageDays: Math.max(0, Math.floor((clock().getTime() - since.getTime()) / DAY)),
      updatedAt: a.updatedAt.toISOString(),
    };
  }

  return {
    /**
     * An expert applies for themselves; an officer of the program may register a paper dossier for
     * a profile that has no account (`profileId`), seen as agencies see it.
     */
    async create(
      ctx: RequestContext,
      programId: string,
      body: { declared: DeclaredFacts; statement: string; profileId?: string | undefined; assessmentConsent?: boolean | undefined },
    ) {
      if (!ctx.actor) throw programsErrors.forbidden();
      const p = await repo.findProgram(programId);
      if (!p || (p.status !== 'published' && p.status !== 'closed' && !canManage(ctx, p))) throw programsErrors.notFound();
      const v = (await repo.version(p.id, p.currentVersion))!;
      if (!isOpen(p, contentOf(v), clock().toISOString().slice(0, 10))) throw programsErrors.notOpen();
      const paper = body.profileId !== undefined;
      if (paper && !canManage(ctx, p)) throw programsErrors.forbidden('Only officers of the program register a paper dossier');
      const profile = paper
        ? await deps.profilesRepository.findById(body.profileId!)
        : await deps.profilesRepository.findByUserId(ctx.actor.userId);
      if (!profile) throw programsErrors.noProfile();
      if (paper && profile.userId) throw programsErrors.forbidden('This expert has an account and applies in person');
      // Law 91/2025: assessment in a talent program is a purpose of its own. In person, the applicant
      // has consented before or ticks it on this form; a paper dossier needs the officer to attest the
      // signed consent in it (a person without an account has no consent record to hold it).
      const consent = paper ? null : (await deps.consentGate.statesOfProfiles([profile.id], 'program_assessment')).get(profile.id);
      const granted = consent?.state === 'granted';
      if (!granted && body.assessmentConsent !== true) throw programsErrors.assessmentConsentRequired(paper);
      const { snapshot, assessment } = await assess(profile.id, v, p, body.declared, paper ? 'agencies' : 'owner');
      return db.transaction(async (tx) => {
        if (await repo.openApplication(p.id, profile.id, tx)) throw programsErrors.alreadyApplied();
        if (!paper && !granted)
          await deps.consentGate.grantInFlow(tx, ctx, ctx.actor!.userId, 'program_assessment', {
            form: `/programs/${p.id}/apply`,
            programCode: p.code,
            requestId: ctx.requestId,
          });
        const a = await repo.insertApplication(tx, {
          programId: p.id,
          programVersionId: v.id,
          profileId: profile.id,
          applicantUserId: paper ? null : ctx.actor!.userId,
          snapshot: snapshot as unknown as Record<string, unknown>,
          declared: body.declared,
          statement: body.statement,
          assessment,
        });
        await repo.insertEvent(tx, { applicationId: a.id, fromStatus: null, toStatus: 'draft', actorUserId: ctx.actor!.userId });
        await deps.auditService.record(tx, ctx, {
          action: 'program_application.created',
          targetType: 'program_application',
          targetId: a.id,
          details: { programId: p.id, version: v.version, paper, assessmentConsent: paper ? 'paper_attested' : 'recorded' },
        });
        return { id: a.id, status: 'draft' as const };
      });
    },

    async update(ctx: RequestContext, id: string, body: { declared?: DeclaredFacts | undefined; statement?: string | undefined }) {
      await db.transaction(async (tx) => {
        const l = await load(ctx, id, tx, true);
        if (!l.applicant) throw programsErrors.forbidden('Only the applicant may do this');
        if (l.a.status !== 'draft' && l.a.status !== 'needs_information') throw programsErrors.notEditable();
        const declared = body.declared ?? l.a.declared;
        const { snapshot, assessment } = await assess(l.a.profileId, l.v, l.p, declared, audienceOf(l.a), tx);
        await repo.updateApplication(tx, id, {
          declared,
          statement: body.statement ?? l.a.statement,
          snapshot: snapshot as unknown as Record<string, unknown>,
          assessment,
        });
        await deps.auditService.record(tx, ctx, { action: 'program_application.updated', targetType: 'program_application', targetId: id });
      });
      return view(await load(ctx, id));
    },

    async get(ctx: RequestContext, id: string) {
      return view(await load(ctx, id));
    },

    /** The applicant's own applications, or an officer's queue (their agency's programs, drafts excluded). */
    async list(
      ctx: RequestContext,
      q: { status?: string | undefined; programId?: string | undefined; scope?: 'mine' | 'queue' | undefined },
    ) {
      const a = ctx.actor;
      if (!a) throw programsErrors.forbidden();
      const queue = q.scope === 'queue' || (q.scope === undefined && (a.role === 'officer' || a.role === 'admin'));
      let rows;
      if (queue) {
        if (a.role !== 'officer' && a.role !== 'admin') throw programsErrors.forbidden();
        rows = await repo.listApplications({
          ...(a.role === 'admin' ? {} : { organisationId: a.organisationId ?? '00000000-0000-0000-0000-000000000000' }),
          ...(q.programId ? { programId: q.programId } : {}),
          ...(q.status ? { status: q.status } : {}),
          excludeDrafts: true,
        });
      } else {
        const profile = await deps.profilesRepository.findByUserId(a.userId);
        rows = profile ? await repo.listApplications({ profileId: profile.id, ...(q.status ? { status: q.status } : {}) }) : [];
      }
      return { items: rows.map((r) => summary(r.a, r.program, r.version, r.applicantName)) };
    },

    submit: (ctx: RequestContext, id: string) =>
      transition(ctx, id, 'submit', async (l, tx) => {
        // A consent withdrawn since the draft was made stops the submission, as do missing documents and answers.
        await ensureComplete(l, tx);
        const { snapshot, assessment } = await assess(l.a.profileId, l.v, l.p, l.a.declared, audienceOf(l.a), tx);
        return { snapshot: snapshot as unknown as Record<string, unknown>, assessment, submittedAt: clock() };
      }),
    startReview: (ctx: RequestContext, id: string) => transition(ctx, id, 'start_review', () => ({})),
    requestInformation: (ctx: RequestContext, id: string, message: string) =>
      transition(ctx, id, 'request_information', () => ({ infoRequest: message }), message),
    respond: (ctx: RequestContext, id: string) =>
      transition(ctx, id, 'respond', async (l, tx) => {
        await ensureComplete(l, tx);
        const { snapshot, assessment } = await assess(l.a.profileId, l.v, l.p, l.a.declared, audienceOf(l.a), tx);
        return { snapshot: snapshot as unknown as Record<string, unknown>, assessment };
      }),
    decide: (ctx: RequestContext, id: string, d: { outcome: 'approved' | 'rejected'; number: string; date: string; reason: string }) =>
      transition(
        ctx,
        id,
        d.outcome === 'approved' ? 'approve' : 'reject',
        () => {
          const decision: ApplicationDecision = { ...d, by: ctx.actor!.userId, at: clock().toISOString() };
          return { decision, decidedAt: clock() };
        },
        `${d.number} (${d.date})${d.reason ? ` — ${d.reason}` : ''}`,
      ),
    withdraw: (ctx: RequestContext, id: string, reason: string) => transition(ctx, id, 'withdraw', () => ({}), reason),

    async saveChecklist(ctx: RequestContext, id: string, items: Array<{ criterionId: string; checked: boolean; note: string }>) {
      await db.transaction(async (tx) => {
        const l = await load(ctx, id, tx, true);
        if (!l.manager) throw programsErrors.forbidden();
        if (l.a.status !== 'in_review' && l.a.status !== 'submitted' && l.a.status !== 'needs_information')
          throw programsErrors.badTransition(l.a.status, 'check');
        await repo.updateApplication(tx, id, { checklist: items });
        await deps.auditService.record(tx, ctx, {
          action: 'program_application.checklist',
          targetType: 'program_application',
          targetId: id,
          details: { checked: items.filter((i) => i.checked).map((i) => i.criterionId) },
        });
      });
      return view(await load(ctx, id));
    },

    async listDocuments(ctx: RequestContext, id: string) {
      const l = await load(ctx, id);
      return (await view(l)).documents;
    },

    async upload(ctx: RequestContext, id: string, file: { filename: string; bytes: Buffer; purpose: string }) {
      const l = await load(ctx, id);
      if (!l.applicant) throw programsErrors.forbidden('Only the applicant adds evidence');
      if (l.a.status !== 'draft' && l.a.status !== 'needs_information') throw programsErrors.notEditable();
      const kept = await deps.store.keep(file);
      if (!kept) throw programsErrors.documentType();
      return db.transaction(async (tx) => {
        const row = await repo.insertDocument(tx, {
          applicationId: id,
          ...kept,
          purpose: file.purpose,
          uploadedBy: ctx.actor!.userId,
        });
        await deps.auditService.record(tx, ctx, {
          action: 'program_application.document_added',
          targetType: 'program_application',
          targetId: id,
          details: { documentId: row.id, sha256: kept.sha256 },
        });
        return { id: row.id, name: row.name, purpose: row.purpose, mime: row.mime, size: row.size, createdAt: row.createdAt.toISOString() };
      });
    },

    async openDocument(ctx: RequestContext, id: string, documentId: string) {
      const l = await load(ctx, id);
      if (l.seat?.status === 'invited') throw programsErrors.documentNotFound();
      const doc = await repo.document(id, documentId);
      if (!doc) throw programsErrors.documentNotFound();
      return { doc, stream: deps.store.open(doc.storageKey) };
    },
  };
}
export type ApplicationsService = ReturnType<typeof createApplicationsService>;
