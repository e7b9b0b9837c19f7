import type { Database, DbOrTx, OfferRow, ScheduledJobRow, OfferInterestRow } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CandidateSearch } from '../consultations/consultation-matching.js';
import { factsFromView } from '../eligibility/eligibility-facts.js';
import { evaluateRules } from '../eligibility/eligibility-rules.js';
import type { Notice, NotificationsService } from '../notifications/notifications.service.js';
import { projectProfile } from '../profiles/profile-projection.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import type { ExpertView } from '../profiles/profiles.schemas.js';
import { contentOf } from '../programs/program-presenter.js';
import type { Scheduler } from '../scheduler/scheduler.service.js';
import { foldVietnamese } from '../shared/text.js';
import { fitsOnSubject, scoreOffer } from './offer-matching.js';
import { offersErrors } from './offers.errors.js';
import type { OffersRepository } from './offers.repository.js';
import type { OfferBody, OfferListQuery, OfferStatus, OfferView } from './offers.schemas.js';
import { quoteFilterValue } from '../search/filter-quote.js';

export const OFFER_ALERT_JOB = 'offers.alert';
export const offerLink = (id: string) => `/offers/${id}`;

interface Deps {
  db: Database;
  offersRepository: OffersRepository;
  profilesRepository: ProfilesRepository;
  auditService: AuditService;
  notificationsService: NotificationsService;
  scheduler: Scheduler;
  candidateSearch: CandidateSearch;
  clock: () => Date;
}

type Listed = Awaited<ReturnType<OffersRepository['listOffers']>>[number];

/** An expert's interest as they see it (after expressing or withdrawing it). */
const interestView = (row: OfferInterestRow, o: { id: string; title: string }) => ({
  id: row.id,
  offerId: o.id,
  offerTitle: o.title,
  status: row.status,
  message: row.message,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
const POSTERS = ['agency', 'officer', 'admin'];
const STAFF = ['agency', 'curator', 'officer', 'admin'];

/** Admins, and agency users or officers of the posting organisation. */
export function canManageOffer(ctx: RequestContext, o: Pick<OfferRow, 'organisationId'>): boolean {
  const a = ctx.actor;
  return (
    !!a &&
    (a.role === 'admin' || ((a.role === 'agency' || a.role === 'officer') && !!a.organisationId && a.organisationId === o.organisationId))
  );
}

/** Positions and short engagements offered by city agencies: posting, public search, interest, matching, alerts. */
export function createOffersService(deps: Deps) {
  const { db, offersRepository: repo, clock } = deps;
  const today = () => clock().toISOString().slice(0, 10);
  /** Published and its deadline not passed: interest is accepted. */
  const isOpen = (o: OfferRow) => o.status === 'published' && (!o.closesAt || o.closesAt.toISOString().slice(0, 10) >= today());

  function present(r: Listed, ctx: RequestContext, extra: Partial<OfferView> = {}): OfferView {
    const o = r.offer;
    const manage = canManageOffer(ctx, o);
    const can: string[] = [];
    if (manage) can.push('edit', 'status', 'interests', 'suggestions');
    if (isOpen(o) && ctx.actor) can.push('interest');
    return {
      id: o.id,
      organisationId: o.organisationId,
      organisationName: r.organisationName,
      programId: o.programId,
      programCode: r.programCode,
      title: o.title,
      description: o.description,
      kind: o.kind as OfferView['kind'],
      mode: o.mode as OfferView['mode'],
      fields: o.fields,
      sectors: o.sectors,
      communeCode: o.communeCode,
      requirements: o.requirements,
      overseasWelcome: o.overseasWelcome,
      status: o.status,
      closesAt: o.closesAt?.toISOString().slice(0, 10) ?? null,
      publishedAt: o.publishedAt?.toISOString() ?? null,
      updatedAt: o.updatedAt.toISOString(),
      version: o.version,
      can,
      ...extra,
    };
  }

  async function loadVisible(ctx: RequestContext, id: string, tx: DbOrTx = db, lock = false) {
    const o = await repo.findOffer(id, tx, lock);
    if (!o || (o.status === 'draft' && !canManageOffer(ctx, o))) throw offersErrors.notFound();
    return o;
  }

  async function loadManaged(ctx: RequestContext, id: string, tx: DbOrTx = db, lock = false) {
    const o = await loadVisible(ctx, id, tx, lock);
    if (!canManageOffer(ctx, o)) throw offersErrors.forbidden();
    return o;
  }

  async function checkProgram(programId: string | null | undefined) {
    if (programId && !(await repo.programWithCurrent(programId))) throw offersErrors.badProgram();
  }

  const toDate = (d: string | null | undefined) => (d ? new Date(`${d}T23:59:59.999Z`) : d === null ? null : undefined);

  /** The rules of the offer's linked program, to evaluate an expert's view on (null without a program). */
  async function linkedRules(o: OfferRow) {
    if (!o.programId) return null;
    const p = await repo.programWithCurrent(o.programId);
    return p && p.program.status === 'published' ? contentOf(p.version).rules : null;
  }
  function outcomeOf(rules: Awaited<ReturnType<typeof linkedRules>>, view: ExpertView) {
    return rules ? evaluateRules(rules, factsFromView(view, {}, clock())).outcome : null;
  }

  async function getIn(ctx: RequestContext, id: string, tx: DbOrTx) {
    const r = (await repo.offerWithNames(id, tx))!;
    return present(r, ctx);
  }

  async function myProfile(ctx: RequestContext) {
    if (!ctx.actor) throw offersErrors.forbidden();
    const row = await deps.profilesRepository.findByUserId(ctx.actor.userId);
    if (!row) throw offersErrors.noProfile();
    return row;
  }

  async function notifyStaff(tx: DbOrTx, o: OfferRow, notice: Notice) {
    const to = await repo.staffUserIds(o.organisationId, ['agency', 'officer'], tx);
    if (to.length) await deps.notificationsService.notify(tx, to, notice);
  }

  return {
    canManageOffer,

    /** The public list: published offers, text search (diacritics optional) and facets with counts. */
    async list(ctx: RequestContext, q: OfferListQuery) {
      const rows = await repo.listOffers({ statuses: ['published'] });
      const words = foldVietnamese(q.q).toLowerCase().split(/\s+/).filter(Boolean);
      const hay = (r: Listed) =>
        foldVietnamese([r.offer.title, r.offer.description, r.offer.requirements, r.organisationName].join(' ')).toLowerCase();
      const open = rows.filter((r) => {
        if (!isOpen(r.offer)) return false;
        const text = hay(r); // folded once per offer, not once per word
        return words.every((w) => text.includes(w));
      });
      const facets = { kind: {}, mode: {}, field: {}, sector: {}, program: {} } as Record<
        'kind' | 'mode' | 'field' | 'sector' | 'program',
        Record<string, number>
      >;
      const checks = {
        kind: (r: Listed) => !q.kind?.length || q.kind.includes(r.offer.kind as never),
        mode: (r: Listed) => !q.mode?.length || q.mode.includes(r.offer.mode as never),
        field: (r: Listed) => !q.field?.length || r.offer.fields.some((f) => q.field!.some((x) => f.startsWith(x))),
        sector: (r: Listed) => !q.sector?.length || r.offer.sectors.some((s) => q.sector!.includes(s as never)),
        program: (r: Listed) => !q.programId?.length || (!!r.offer.programId && q.programId.includes(r.offer.programId)),
        overseas: (r: Listed) => q.overseas === undefined || r.offer.overseasWelcome === (q.overseas === 'true'),
      };
      const names = Object.keys(checks) as Array<keyof typeof checks>;
      const passesAllBut = (r: Listed, skip: keyof typeof checks | null) => names.every((n) => n === skip || checks[n](r));
      // Each facet counts the offers that pass every other filter (OR within a facet, AND across).
      for (const r of open) {
        const add = (facet: keyof typeof facets, value: string | null) => {
          if (value) facets[facet][value] = (facets[facet][value] ?? 0) + 1;
        };
        if (passesAllBut(r, 'kind')) add('kind', r.offer.kind);
        if (passesAllBut(r, 'mode')) add('mode', r.offer.mode);
        if (passesAllBut(r, 'field')) for (const f of r.offer.fields) add('field', f);
        if (passesAllBut(r, 'sector')) for (const s of r.offer.sectors) add('sector', s);
        if (passesAllBut(r, 'program')) add('program', r.offer.programId);
      }
      const matched = open.filter((r) => passesAllBut(r, null));
      const page = matched.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
      return { items: page.map((r) => present(r, ctx)), total: matched.length, page: q.page, pageSize: q.pageSize, facets };
    },

    /** The poster's offers (every status), with the count of active interests. */
    async manageList(ctx: RequestContext) {
      const a = ctx.actor;
      if (!a || !POSTERS.includes(a.role)) throw offersErrors.forbidden('Offers are posted by agency users and officers');
      if (a.role !== 'admin' && !a.organisationId) return { items: [] };
      const rows = await repo.listOffers(a.role === 'admin' ? {} : { organisationId: a.organisationId! });
      const counts = await repo.interestCounts(rows.map((r) => r.offer.id));
      return { items: rows.map((r) => present(r, ctx, { interestCount: counts.get(r.offer.id) ?? 0 })) };
    },

    async get(ctx: RequestContext, id: string) {
      const o = await loadVisible(ctx, id);
      const r = (await repo.offerWithNames(o.id))!;
      const extra: Partial<OfferView> = {};
      if (canManageOffer(ctx, o)) extra.interestCount = (await repo.interestCounts([o.id])).get(o.id) ?? 0;
      if (ctx.actor) {
        const profile = await deps.profilesRepository.findByUserId(ctx.actor.userId);
        const mine = profile ? await repo.findInterest(o.id, profile.id) : undefined;
        extra.myInterest = mine ? { status: mine.status, message: mine.message } : null;
      }
      return present(r, ctx, extra);
    },

    async create(ctx: RequestContext, body: OfferBody) {
      const a = ctx.actor;
      if (!a || !POSTERS.includes(a.role)) throw offersErrors.forbidden('Offers are posted by agency users and officers');
      const organisationId = a.role === 'admin' ? (body.organisationId ?? a.organisationId) : a.organisationId;
      if (!organisationId || (body.organisationId && a.role !== 'admin' && body.organisationId !== a.organisationId))
        throw offersErrors.badOrganisation();
      if (!(await repo.organisation(organisationId))) throw offersErrors.badOrganisation();
      await checkProgram(body.programId);
      return db.transaction(async (tx) => {
        const { organisationId: _o, closesAt, ...rest } = body;
        const o = await repo.insertOffer(tx, { ...rest, organisationId, closesAt: toDate(closesAt) ?? null, createdBy: a.userId });
        await deps.auditService.record(tx, ctx, {
          action: 'offer.created',
          targetType: 'offer',
          targetId: o.id,
          details: { title: o.title },
        });
        return getIn(ctx, o.id, tx);
      });
    },

    async update(ctx: RequestContext, id: string, body: Partial<Omit<OfferBody, 'organisationId'>> & { version: number }) {
      await checkProgram(body.programId);
      return db.transaction(async (tx) => {
        const o = await loadManaged(ctx, id, tx, true);
        if (o.version !== body.version) throw offersErrors.stale();
        const { version: _v, closesAt, ...rest } = body;
        const closes = toDate(closesAt);
        await repo.updateOffer(tx, id, { ...rest, ...(closes !== undefined ? { closesAt: closes } : {}) });
        await deps.auditService.record(tx, ctx, {
          action: 'offer.updated',
          targetType: 'offer',
          targetId: id,
          details: { changed: Object.keys(rest).concat(closes !== undefined ? ['closesAt'] : []) },
        });
        return getIn(ctx, id, tx);
      });
    },

    /** Publishing schedules the alerts to opted-in experts whose profile fits (once per offer). */
    async setStatus(ctx: RequestContext, id: string, status: OfferStatus) {
      return db.transaction(async (tx) => {
        const o = await loadManaged(ctx, id, tx, true);
        const publishing = status === 'published' && o.status !== 'published';
        await repo.updateOffer(tx, id, { status, ...(publishing && !o.publishedAt ? { publishedAt: clock() } : {}) });
        if (publishing && !o.publishedAt)
          await deps.scheduler.schedule(tx, { kind: OFFER_ALERT_JOB, key: id, dueAt: clock(), payload: { offerId: id } });
        await deps.auditService.record(tx, ctx, {
          action: 'offer.status',
          targetType: 'offer',
          targetId: id,
          details: { from: o.status, to: status },
        });
        return getIn(ctx, id, tx);
      });
    },

    async expressInterest(ctx: RequestContext, id: string, note: string) {
      const profile = await myProfile(ctx);
      return db.transaction(async (tx) => {
        const o = await loadVisible(ctx, id, tx, true);
        if (!isOpen(o)) throw offersErrors.notOpen();
        const existing = await repo.findInterest(o.id, profile.id, tx);
        const row = existing
          ? await repo.updateInterest(tx, existing.id, { status: 'active', message: note, withdrawnAt: null })
          : await repo.insertInterest(tx, { offerId: o.id, profileId: profile.id, userId: ctx.actor!.userId, message: note });
        await deps.auditService.record(tx, ctx, {
          action: 'offer.interest',
          targetType: 'offer',
          targetId: o.id,
          details: { interestId: row.id },
        });
        await notifyStaff(tx, o, {
          kind: 'offer.interest',
          title: { vi: `Chuyên gia quan tâm: ${o.title}`, en: `An expert is interested: ${o.title}` },
          body: { vi: `${profile.fullName} quan tâm đến vị trí này.`, en: `${profile.fullName} is interested in this offer.` },
          link: offerLink(o.id),
          data: { offerId: o.id },
        });
        return interestView(row, o);
      });
    },

    async withdrawInterest(ctx: RequestContext, id: string) {
      const profile = await myProfile(ctx);
      return db.transaction(async (tx) => {
        const o = await loadVisible(ctx, id, tx);
        const existing = await repo.findInterest(o.id, profile.id, tx);
        if (!existing || existing.status === 'withdrawn') throw offersErrors.notFound();
        const row = await repo.updateInterest(tx, existing.id, { status: 'withdrawn', withdrawnAt: clock() });
        await deps.auditService.record(tx, ctx, {
          action: 'offer.interest_withdrawn',
          targetType: 'offer',
          targetId: o.id,
          details: { interestId: row.id },
        });
        return interestView(row, o);
      });
    },

    async myInterests(ctx: RequestContext) {
      if (!ctx.actor) throw offersErrors.forbidden();
      const profile = await deps.profilesRepository.findByUserId(ctx.actor.userId);
      if (!profile) return { items: [] };
      const rows = await repo.interestsOfProfile(profile.id);
      return {
        items: rows.map(({ interest: i, offerTitle }) => ({
          id: i.id,
          offerId: i.offerId,
          offerTitle,
          status: i.status,
          message: i.message,
          createdAt: i.createdAt.toISOString(),
          updatedAt: i.updatedAt.toISOString(),
        })),
      };
    },

    /** The poster sees each interested expert only as the expert shares their profile with agencies. */
    async interested(ctx: RequestContext, id: string) {
      const o = await loadManaged(ctx, id);
      const rows = await repo.interestsOfOffer(o.id);
      return {
        items: rows.map(({ interest: i, profile }) => ({
          interestId: i.id,
          profileId: profile.id,
          message: i.message,
          createdAt: i.createdAt.toISOString(),
          profile: projectProfile(profile, 'agencies'),
        })),
      };
    },

    /** Experts who fit an offer: candidates from the agency index (fields, then text), scored on what they share. */
    async suggestions(ctx: RequestContext, id: string) {
      const o = await loadManaged(ctx, id);
      const [byField, byText] = await Promise.all([
        o.fields.length
          ? deps.candidateSearch({ q: '', filter: [`fields IN [${o.fields.map(quoteFilterValue).join(', ')}]`], limit: 150 })
          : Promise.resolve([]),
        o.sectors.length
          ? deps.candidateSearch({ q: '', filter: [`sectors IN [${o.sectors.map(quoteFilterValue).join(', ')}]`], limit: 100 })
          : deps.candidateSearch({ q: o.title, filter: [], limit: 60 }),
      ]);
      const ids = [...new Set([...byField, ...byText])];
      const [rows, interests, rules] = await Promise.all([
        deps.profilesRepository.findByIds(ids),
        repo.interestsOfOffer(o.id),
        linkedRules(o),
      ]);
      const interested = new Set(interests.map((i) => i.profile.id));
      const out = [];
      for (const row of rows) {
        const view = projectProfile(row, 'agencies');
        if (!view) continue;
        const eligibility = outcomeOf(rules, view);
        const s = scoreOffer(o, view, eligibility);
        if (s.score === 0) continue;
        out.push({ profileId: row.id, fullName: view.fullName, ...s, eligibility, interested: interested.has(row.id) });
      }
      out.sort((a, b) => b.score - a.score || a.fullName.localeCompare(b.fullName, 'vi'));
      return { items: out.slice(0, 30) };
    },

    /** "My fitting offers": open offers scored against the expert's own profile. */
    async suggestedForMe(ctx: RequestContext) {
      const profile = await myProfile(ctx);
      const view = projectProfile(profile, 'owner');
      if (!view) return { items: [] };
      const rows = (await repo.listOffers({ statuses: ['published'] })).filter((r) => isOpen(r.offer));
      const out = [];
      for (const r of rows) {
        const s = scoreOffer(r.offer, view, outcomeOf(await linkedRules(r.offer), view));
        if (fitsOnSubject(s) || s.reasons.includes('program:eligible')) out.push({ offer: present(r, ctx), ...s });
      }
      out.sort((a, b) => b.score - a.score);
      return { items: out.slice(0, 30) };
    },

    async alertState(ctx: RequestContext) {
      if (!ctx.actor) throw offersErrors.forbidden();
      return { enabled: await repo.subscribed(ctx.actor.userId) };
    },
    async setAlerts(ctx: RequestContext, enabled: boolean) {
      if (!ctx.actor) throw offersErrors.forbidden();
      await myProfile(ctx);
      await db.transaction(async (tx) => {
        if (enabled) await repo.subscribe(tx, ctx.actor!.userId);
        else await repo.unsubscribe(tx, ctx.actor!.userId);
        await deps.auditService.record(tx, ctx, {
          action: enabled ? 'offer.alerts_on' : 'offer.alerts_off',
          targetType: 'user',
          targetId: ctx.actor!.userId,
        });
      });
      return { enabled };
    },

    /** The alert job: opted-in experts whose own profile fits the new offer on a field or sector. */
    async sendAlerts(offerId: string) {
      const o = await repo.findOffer(offerId);
      if (!o || !isOpen(o)) return 0;
      const rules = await linkedRules(o);
      const to: string[] = [];
      for (const s of await repo.subscribers()) {
        const view = projectProfile(s.profile, 'owner');
        if (view && fitsOnSubject(scoreOffer(o, view, outcomeOf(rules, view)))) to.push(s.userId);
      }
      if (to.length === 0) return 0;
      await db.transaction((tx) =>
        deps.notificationsService.notify(tx, to, {
          kind: 'offer.alert',
          title: { vi: `Vị trí mới phù hợp: ${o.title}`, en: `A new offer fits your profile: ${o.title}` },
          body: {
            vi: 'Một cơ quan của thành phố vừa đăng vị trí phù hợp với hồ sơ của bạn.',
            en: 'A city agency posted an offer that fits your profile.',
          },
          link: offerLink(o.id),
          data: { offerId: o.id },
        }),
      );
      return to.length;
    },

    isStaff: (ctx: RequestContext) => !!ctx.actor && STAFF.includes(ctx.actor.role),
  };
}
export type OffersService = ReturnType<typeof createOffersService>;

export function registerOfferAlertJob(scheduler: Scheduler, service: OffersService) {
  scheduler.register(OFFER_ALERT_JOB, async (job: ScheduledJobRow) => {
    await service.sendAlerts(String((job.payload as { offerId: string }).offerId));
  });
}
