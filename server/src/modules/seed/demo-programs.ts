import type { Database } from '@hpen/db';
import type { Role } from '@hpen/db/enums';
import type { RequestContext } from '../../app/request-context.js';
import type { ProgramsModule } from '../programs/programs.module.js';
import { DECREE_263_CODE, RESOLUTION_53_CODE } from '../programs/seed-programs.js';
import { SAMPLE_EVIDENCE_PDF } from './demo-curation.js';
import { createDemoActorsRepository, createDemoCurationRepository, createSeedRepository } from './seed.repository.js';
import { AppError } from '../../app/errors.js';

const SEED_KEY = 'demo_programs';

const asActor = (a: { userId: string; role: Role; organisationId: string | null }): RequestContext => ({
  actor: { userId: a.userId, role: a.role, organisationId: a.organisationId, sessionId: 'demo-seed' },
  ip: null,
  userAgent: 'demo seed',
  requestId: null,
});

const R53_FACTS = { recruited_by_city_unit: true, field_needed_by_city: true, commit_5_years: true };
type Stop = 'draft' | 'submitted' | 'in_review' | 'needs_information' | 'approved' | 'rejected' | 'withdrawn';
const ORDER: Stop[] = ['draft', 'submitted', 'in_review'];

/** The files a dossier still lacks (required documents, evidence of what it claims), as sample PDFs, so that it can be submitted. */
export async function attachDossier(m: ProgramsModule, as: RequestContext, id: string) {
  const { missing } = await m.applicationsService.get(as, id);
  for (const x of missing)
    if (x.kind === 'document' || x.kind === 'evidence')
      await m.applicationsService.upload(as, id, {
        filename: `${x.label.vi}.pdf`,
        bytes: SAMPLE_EVIDENCE_PDF,
        purpose: x.kind === 'document' ? x.code : `fact:${x.code}`,
      });
}

/**
 * Applications in every state, through the real services (rules, audit, notifications): the demo
 * expert's own (withdrawn, needs information, draft) and paper dossiers the Home Affairs officer
 * and the admin registered for generated experts (submitted, in review, approved, rejected).
 */
export async function seedDemoPrograms(db: Database, m: ProgramsModule, clock: () => Date = () => new Date()) {
  await m.programsService.ensureSeeded();
  const meta = createSeedRepository({ db });
  if (await meta.getMeta(SEED_KEY)) return false;
  const actors = createDemoActorsRepository({ db });
  const [expert, officer, admin] = await Promise.all([
    actors.actor('expert@demo.local'),
    actors.actor('officer@demo.local'),
    actors.actor('admin@demo.local'),
  ]);
  if (!expert?.profileId || !officer || !admin) return false;
  const list = (await m.programsService.list(asActor(admin), true)).items;
  const r53 = list.find((p) => p.code === RESOLUTION_53_CODE);
  const d263 = list.find((p) => p.code === DECREE_263_CODE);
  if (!r53 || !d263) return false;
  const s = m.applicationsService;
  const asExpert = asActor(expert);
  const asOfficer = asActor(officer);
  const asAdmin = asActor(admin);

  // The demo expert: a withdrawn attempt, then an application waiting for more information; a draft to Decree 263.
  // The first application asks for the consent to assessment (Law 91/2025) and records it; later ones find it.
  const first = await s.create(asExpert, r53.id, {
    declared: R53_FACTS,
    statement: 'Tôi muốn về công tác tại Trường Đại học Hải Phòng.',
    assessmentConsent: true,
  });
  await s.withdraw(asExpert, first.id, 'Nộp nhầm, sẽ nộp lại với đủ minh chứng');
  const second = await s.create(asExpert, r53.id, { declared: R53_FACTS, statement: 'Tiếp nhận về Viện Nghiên cứu Biển Hải Phòng.' });
  await attachDossier(m, asExpert, second.id);
  await s.submit(asExpert, second.id);
  await s.startReview(asOfficer, second.id);
  await s.requestInformation(asOfficer, second.id, 'Đề nghị bổ sung quyết định tiếp nhận của đơn vị.');
  await s.create(asExpert, d263.id, { declared: { vietnamese_citizen: true, active_in_sti: true }, statement: '' });

  // Paper dossiers for generated experts.
  const plan: Array<{ program: typeof r53; as: RequestContext; stop: Stop; declared: Record<string, boolean | number | string> }> = [
    { program: r53, as: asOfficer, stop: 'submitted', declared: R53_FACTS },
    { program: r53, as: asOfficer, stop: 'in_review', declared: { ...R53_FACTS, graduation_grade: 'xuat_sac' } },
    { program: r53, as: asOfficer, stop: 'approved', declared: R53_FACTS },
    { program: r53, as: asOfficer, stop: 'rejected', declared: { ...R53_FACTS, commit_5_years: false } },
    {
      program: d263,
      as: asAdmin,
      stop: 'in_review',
      declared: { vietnamese_citizen: true, active_in_sti: true, no_prohibited_acts: true, main_author_prestigious_articles: 6 },
    },
  ];
  const profiles = await createDemoCurationRepository({ db }).unclaimedProfiles();
  let next = profiles.length - 1; // from the end: the curation demo takes the first ones
  for (const [i, p] of plan.entries()) {
    let id: string | null = null;
    while (!id && next >= 0) {
      const profile = profiles[next--]!;
      id = await s
        .create(p.as, p.program.id, {
          declared: p.declared,
          statement: 'Hồ sơ giấy nộp tại bộ phận một cửa.',
          profileId: profile.id,
          assessmentConsent: true, // the signed consent form is in the paper dossier
        })
        .then((r) => r.id)
        .catch(() => null); // a profile hidden from agencies cannot be assessed by an officer: take the next
    }
    if (!id) break;
    const reached = (st: Stop) => p.stop === st || ORDER.indexOf(st) < ORDER.indexOf(p.stop) || ['approved', 'rejected'].includes(p.stop);
    if (reached('submitted')) {
      await attachDossier(m, p.as, id);
      await s.submit(p.as, id);
    }
    if (p.stop === 'in_review' || p.stop === 'approved' || p.stop === 'rejected') await s.startReview(p.as, id);
    if (p.stop === 'approved')
      await s.decide(p.as, id, { outcome: 'approved', number: `${120 + i}/QĐ-UBND`, date: '2026-03-02', reason: '' });
    if (p.stop === 'rejected')
      await s.decide(p.as, id, {
        outcome: 'rejected',
        number: `${130 + i}/QĐ-UBND`,
        date: '2026-03-05',
        reason: 'Không cam kết công tác đủ 5 năm theo Nghị quyết 53/2025.',
      });
  }
  await seedReviewCouncil(m, asOfficer, asExpert, expert.profileId);
  await db.transaction((tx) => meta.setMeta(tx, SEED_KEY, { at: clock().toISOString() }));
  return true;
}

/**
 * The optional review council, seen working: on the officer's dossier in review the demo expert
 * accepted (declaring no conflict) and gave an opinion; on the submitted one they are invited.
 */
async function seedReviewCouncil(m: ProgramsModule, asOfficer: RequestContext, asExpert: RequestContext, expertProfileId: string) {
  const queue = (await m.applicationsService.list(asOfficer, { scope: 'queue' })).items;
  const r = m.applicationReviewersService;
  // Screening may refuse the demo expert on a dossier (same employer, co-authorship): then the next one.
  const seatOn = async (status: 'in_review' | 'submitted') => {
    for (const a of queue.filter((x) => x.status === status)) {
      const seat = await r.seat(asOfficer, a.id, expertProfileId).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'programs.reviewer_conflict') return null;
        throw error;
      });
      if (seat) return seat;
    }
    return null;
  };
  const accepted = await seatOn('in_review');
  if (accepted) {
    await r.answer(asExpert, accepted.id, {
      accept: true,
      declaration: { conflict: false, description: '', familyOrFinancial: false, confidentiality: true },
    });
    await r.giveOpinion(asExpert, accepted.id, {
      recommendation: 'approve',
      comment: 'Minh chứng đầy đủ; đề nghị xếp nhóm tốt nghiệp xuất sắc theo Nghị quyết 53/2025.',
    });
  }
  await seatOn('submitted');
}
