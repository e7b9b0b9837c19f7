import { randomUUID } from 'node:crypto';
import { call, type Fixtures, PDF } from './authorization-fixtures.js';

/**
 * The awards world of the authorization matrix, made once per fixture through the API:
 * an award with two phases (1: secret ballot, 2: mean score), its round R where the expert chairs
 * phase 1 and the other expert sits on phase 2 only, and a second round R2 of the same award where
 * neither sits. Nominations: own = the agency's organisation's (the expert a nominee of the draft),
 * foreign = another organisation's (the other expert a nominee of the draft); in phase 1, own in R
 * (before the expert's seat), foreign in R2 (before no seat of theirs).
 */
export interface AwardWorld {
  award: string;
  rounds: { own: string; foreign: string };
  /** Drafts with a PDF each: the agency's about the expert (own), another organisation's about the other expert (foreign). */
  drafts: { own: string; foreign: string };
  documents: { own: string; foreign: string };
  /** In phase 1: of round R, the expert's seat (own); of round R2, no seat of the matrix's experts (foreign). */
  inPhase: { own: string; foreign: string };
}

const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();

export const MATRIX_AWARD_DEFINITION = {
  organiser: 'Sở Khoa học và Công nghệ Hải Phòng',
  legalBasis: [{ document: 'QĐ 351/2016/QĐ-UBND', article: '', link: '', certainty: 'V' }],
  nominators: ['agency', 'organisation', 'association', 'self'],
  prizeLevels: [{ code: 'first', titleVi: 'Giải Nhất', titleEn: 'First' }],
  categories: [{ code: 'applied', titleVi: 'Ứng dụng', titleEn: 'Applied', caps: { first: 1 } }],
  criteria: [
    { code: 'novelty', titleVi: 'Tính mới', titleEn: 'Novelty', weight: 50, min: 0, max: 10 },
    { code: 'effect', titleVi: 'Hiệu quả', titleEn: 'Effect', weight: 50, min: 0, max: 10 },
  ],
  phases: [
    { n: 1, nameVi: 'Cơ sở', nameEn: 'Base', method: 'ballot', threshold: null, rulesCode: 'council-3-4', ballot: 'secret' },
    { n: 2, nameVi: 'Thành phố', nameEn: 'City', method: 'mean_score', threshold: 70, rulesCode: 'council-3-4', ballot: 'secret' },
  ],
  eligibility: null,
};

export const roundBody = (year: number) => ({
  year,
  planReference: 'Kế hoạch ma trận phân quyền',
  nominationOpensAt: iso(-1),
  nominationClosesAt: iso(30),
  phases: [
    { n: 1, startsAt: iso(-1), endsAt: iso(30) },
    { n: 2, startsAt: iso(31), endsAt: iso(60) },
  ],
});

/** A nomination body by an agency: a nominee by name only (no account, so no consent awaited) unless a profile is given. */
export const nominationBody = (nominee?: { profileId: string; name: string }) => ({
  nominatorKind: 'agency',
  category: 'applied',
  team: '',
  nominees: [nominee ? { ...nominee, organisation: '' } : { profileId: null, name: 'Tác giả không có tài khoản', organisation: '' }],
  work: {
    title: `Công trình kiểm tra quyền ${randomUUID().slice(0, 8)}`,
    summary: 'Giải pháp đã ứng dụng tại cảng Hải Phòng.',
    evidence: [{ kind: 'document', reference: 'Báo cáo nghiệm thu' }],
  },
});

const worlds = new WeakMap<Fixtures, Promise<AwardWorld>>();
/** One round per award and year: each new round takes the next year (from 2001; the matrix makes about 50). */
const lastYear = new WeakMap<Fixtures, number>();
export function nextYear(fx: Fixtures) {
  const year = (lastYear.get(fx) ?? 2000) + 1;
  lastYear.set(fx, year);
  return year;
}
const awardIds = new WeakMap<Fixtures, string>();

const idOf = (body: Record<string, unknown>) => body.id as string;

/** The award's id, made before anything else of the world (fresh rounds need only it). */
async function award(fx: Fixtures) {
  const known = awardIds.get(fx);
  if (known) return known;
  const id = idOf(
    await call(fx.t, 'POST', '/api/awards', fx.tokens.officer!, {
      code: `matrix-${randomUUID().slice(0, 8)}`,
      titleVi: 'Giải thưởng ma trận phân quyền',
      titleEn: 'Authorization matrix award',
      definition: MATRIX_AWARD_DEFINITION,
    }),
  );
  awardIds.set(fx, id);
  return id;
}

/** A new round of the award; seated: the expert chairs phase 1 and the other expert sits on phase 2, as in R. */
export async function freshRound(fx: Fixtures, seated: boolean) {
  const awardId = await award(fx);
  const round = idOf(await call(fx.t, 'POST', `/api/awards/${awardId}/rounds`, fx.tokens.officer!, roundBody(nextYear(fx))));
  if (seated) {
    const seat = (phase: number, profileId: string, role: string) =>
      call(fx.t, 'POST', `/api/awards/${awardId}/rounds/${round}/council`, fx.tokens.officer!, { phase, profileId, role });
    await seat(1, fx.profileIds.expert, 'chair');
    await seat(2, fx.profileIds.otherExpert, 'member');
  }
  return { awardId, round };
}

/**
 * A new nomination by the agency (own, in round R) or by another organisation's agency (foreign; in
 * round R, or in R2 for `in_phase`), taken to the state asked: draft, submitted, eligible or in phase 1.
 */
export async function freshNomination(fx: Fixtures, which: 'own' | 'foreign', state: 'draft' | 'submitted' | 'eligible' | 'in_phase') {
  const w = await awardsOf(fx);
  return nominationIn(fx, w.award, state === 'in_phase' ? w.rounds[which] : w.rounds.own, which, state);
}

async function nominationIn(
  fx: Fixtures,
  awardId: string,
  roundId: string,
  which: 'own' | 'foreign',
  state: 'draft' | 'submitted' | 'eligible' | 'in_phase',
  nominee?: { profileId: string; name: string },
) {
  const token = which === 'own' ? fx.tokens.agency! : fx.foreignAgency;
  const id = idOf(await call(fx.t, 'POST', `/api/awards/${awardId}/rounds/${roundId}/nominations`, token, nominationBody(nominee)));
  if (state === 'draft') return id;
  await call(fx.t, 'POST', `/api/award-nominations/${id}/submit`, token);
  if (state === 'submitted') return id;
  await call(fx.t, 'POST', `/api/award-nominations/${id}/eligibility`, fx.tokens.officer!, { eligible: true, reason: '' });
  if (state === 'eligible') return id;
  await call(fx.t, 'POST', `/api/awards/${awardId}/rounds/${roundId}/phases/1/start`, fx.tokens.officer!);
  return id;
}

async function upload(fx: Fixtures, token: string, nominationId: string) {
  const res = await fx.t.app.inject({
    method: 'POST',
    url: `/api/award-nominations/${nominationId}/documents`,
    headers: { authorization: `Bearer ${token}` },
    payload: fx.form({}, [{ field: 'file', name: 'ho-so.pdf', bytes: PDF }]),
  });
  if (res.statusCode !== 201) throw new Error(`upload to ${nominationId}: ${res.statusCode} ${res.body}`);
  return idOf(res.json());
}

export function awardsOf(fx: Fixtures): Promise<AwardWorld> {
  let world = worlds.get(fx);
  if (!world) {
    world = (async () => {
      const own = await freshRound(fx, true);
      const foreign = await freshRound(fx, false);
      const drafts = {
        own: await nominationIn(fx, own.awardId, own.round, 'own', 'draft', {
          profileId: fx.profileIds.expert,
          name: 'Chuyên gia ma trận',
        }),
        foreign: await nominationIn(fx, own.awardId, own.round, 'foreign', 'draft', {
          profileId: fx.profileIds.otherExpert,
          name: 'Chuyên gia khác',
        }),
      };
      const documents = {
        own: await upload(fx, fx.tokens.agency!, drafts.own),
        foreign: await upload(fx, fx.foreignAgency, drafts.foreign),
      };
      const inPhase = {
        own: await nominationIn(fx, own.awardId, own.round, 'own', 'in_phase'),
        foreign: await nominationIn(fx, own.awardId, foreign.round, 'foreign', 'in_phase'),
      };
      return { award: own.awardId, rounds: { own: own.round, foreign: foreign.round }, drafts, documents, inPhase };
    })();
    worlds.set(fx, world);
  }
  return world;
}
