import { randomUUID } from 'node:crypto';
import {
  awardsOf,
  freshNomination,
  freshRound,
  MATRIX_AWARD_DEFINITION,
  nextYear,
  nominationBody,
  roundBody,
} from './authorization-awards.js';
import { type Fixtures, PDF } from './authorization-fixtures.js';
import { DEFAULT_PRIVACY_POLICY } from '../../server/src/modules/privacy/privacy-clock.js';
import { DEFAULT_PRIVACY_NOTICE } from '../../server/src/modules/privacy/privacy-notice.data.js';

/**
 * How to call each route for the authorization matrix: a request that passes validation, so the
 * answer shows who may act, not whether the input was well-formed. `object` picks the own or the
 * foreign object; a route missing here is called with random ids and no body.
 */
export interface MatrixRequest {
  url: string;
  payload?: object | FormData | string;
}
type Build = (fx: Fixtures, object: 'own' | 'foreign' | undefined) => MatrixRequest | Promise<MatrixRequest>;

const TAXONOMY_UPLOAD = (code: string) => ({
  code,
  title: 'Matrix',
  classificationCsv: 'code,level,parent,name_vi,name_en\n1,1,,Khoa học tự nhiên,Natural sciences\n',
  crosswalkCsv: 'old_code,new_code\n1,1\n',
});
const pick = <T>(pair: { own: T; foreign: T }, object: 'own' | 'foreign' | undefined) => pair[object ?? 'own'];
const email = () => `matrix.${randomUUID().slice(0, 8)}@example.vn`;

/** Published offers: the agency's organisation's (own) and one the admin posted for another organisation (foreign); made once. */
const offerPairs = new WeakMap<Fixtures, Promise<{ own: string; foreign: string }>>();
function offersOf(fx: Fixtures) {
  let pair = offerPairs.get(fx);
  if (!pair) {
    pair = (async () => {
      const post = async (token: string | undefined, extra: object) => {
        const headers = { authorization: `Bearer ${token}` };
        const body = { title: 'Vị trí kiểm tra quyền', kind: 'position', mode: 'on_site', fields: ['502'], ...extra };
        const id = (await fx.t.app.inject({ method: 'POST', url: '/api/offers', headers, payload: body })).json().id as string;
        await fx.t.app.inject({ method: 'POST', url: `/api/offers/${id}/status`, headers, payload: { status: 'published' } });
        return id;
      };
      const orgs = (await fx.t.app.inject({ method: 'GET', url: '/api/organisations' })).json() as {
        items: Array<{ id: string; code: string }>;
      };
      const other = orgs.items.find((o) => o.code === 'so-khcn') ?? orgs.items[0]!;
      return { own: await post(fx.tokens.agency, {}), foreign: await post(fx.tokens.admin, { organisationId: other.id }) };
    })();
    offerPairs.set(fx, pair);
  }
  return pair;
}
const offerVersion = async (fx: Fixtures, id: string) =>
  (await fx.t.app.inject({ method: 'GET', url: `/api/offers/${id}` })).json().version as number;

/** Awards (issue 15): the world of authorization-awards.ts; a nomination route's own/foreign is the nominating organisation's, a council route's the seat's. */
const nominationUrl = async (fx: Fixtures, o: 'own' | 'foreign' | undefined, tail = '') =>
  `/api/award-nominations/${pick((await awardsOf(fx)).drafts, o)}${tail}`;
const inPhaseUrl = async (fx: Fixtures, o: 'own' | 'foreign' | undefined, tail = '') =>
  `/api/award-nominations/${pick((await awardsOf(fx)).inPhase, o)}${tail}`;
const roundUrl = async (fx: Fixtures, o: 'own' | 'foreign' | undefined, tail = '') => {
  const w = await awardsOf(fx);
  return `/api/awards/${w.award}/rounds/${pick(w.rounds, o)}${tail}`;
};
const AWARD_REQUESTS: Record<string, Build> = {
  'POST /api/awards': () => ({
    url: '/api/awards',
    payload: {
      code: `matrix-${randomUUID().slice(0, 8)}`,
      titleVi: 'Giải thưởng thử',
      titleEn: 'Trial award',
      definition: MATRIX_AWARD_DEFINITION,
    },
  }),
  'GET /api/awards/{id}': async (fx) => ({ url: `/api/awards/${(await awardsOf(fx)).award}` }),
  'POST /api/awards/{id}/rounds': async (fx) => ({
    url: `/api/awards/${(await awardsOf(fx)).award}/rounds`,
    payload: roundBody(nextYear(fx)),
  }),
  'GET /api/awards/{id}/rounds/{roundId}': async (fx, o) => ({ url: await roundUrl(fx, o) }),
  'PATCH /api/awards/{id}/rounds/{roundId}': async (fx, o) => ({
    url: await roundUrl(fx, o),
    payload: { planReference: 'Kế hoạch ma trận phân quyền (sửa)' },
  }),
  // An agency's nomination: the agency's and the officer's organisations may nominate as 'agency', no one else.
  'POST /api/awards/{id}/rounds/{roundId}/nominations': async (fx, o) => ({
    url: await roundUrl(fx, o, '/nominations'),
    payload: nominationBody(),
  }),
  'GET /api/awards/{id}/rounds/{roundId}/nominations': async (fx, o) => ({ url: await roundUrl(fx, o, '/nominations') }),
  'POST /api/award-rules': () => ({
    url: '/api/award-rules',
    payload: {
      code: `matrix-${randomUUID().slice(0, 8)}`,
      title: 'Quy tắc thử',
      data: { quorumRatio: 0.5, chairRequired: false, passRatio: 0.5, passBase: 'present', excludeRecusedFromBase: true },
      legalReference: { document: 'Quy chế thử', article: '', link: '', certainty: 'U' },
    },
  }),
  'GET /api/experts/{id}/awards': (fx, o) => ({
    url: `/api/experts/${o === 'foreign' ? fx.profileIds.otherExpert : fx.profileIds.expert}/awards`,
  }),
  'GET /api/award-nominations/{nominationId}': async (fx, o) => ({ url: await nominationUrl(fx, o) }),
  'PATCH /api/award-nominations/{nominationId}': async (fx, o) => ({ url: await nominationUrl(fx, o), payload: { team: 'Nhóm tác giả' } }),
  'GET /api/award-nominations/{nominationId}/documents': async (fx, o) => ({ url: await nominationUrl(fx, o, '/documents') }),
  'POST /api/award-nominations/{nominationId}/documents': async (fx, o) => ({
    url: await nominationUrl(fx, o, '/documents'),
    payload: fx.form({}, [{ field: 'file', name: 'bo-sung.pdf', bytes: PDF }]),
  }),
  'GET /api/award-nominations/{nominationId}/documents/{documentId}': async (fx, o) => ({
    url: await nominationUrl(fx, o, `/documents/${pick((await awardsOf(fx)).documents, o)}`),
  }),
  // Steps that use a nomination up: a new one each time, in the state the step starts from.
  'POST /api/award-nominations/{nominationId}/submit': async (fx, o) => ({
    url: `/api/award-nominations/${await freshNomination(fx, o ?? 'own', 'draft')}/submit`,
  }),
  'POST /api/award-nominations/{nominationId}/withdraw': async (fx, o) => ({
    url: `/api/award-nominations/${await freshNomination(fx, o ?? 'own', 'submitted')}/withdraw`,
  }),
  'POST /api/award-nominations/{nominationId}/eligibility': async (fx, o) => ({
    url: `/api/award-nominations/${await freshNomination(fx, o ?? 'own', 'submitted')}/eligibility`,
    payload: { eligible: false, reason: 'Thiếu hồ sơ' },
  }),
  'GET /api/award-nominations/{nominationId}/reviewer-suggestions': async (fx, o) => ({
    url: await nominationUrl(fx, o, '/reviewer-suggestions'),
  }),
  // Council steps: own is in phase 1 of the round whose phase-1 council the expert chairs; foreign in a round where they sit nowhere.
  'POST /api/award-nominations/{nominationId}/recusal': async (fx, o) => ({
    url: `/api/award-nominations/${await freshNomination(fx, o ?? 'own', 'in_phase')}/recusal`,
    payload: { reason: 'Đồng tác giả với người được đề cử' },
  }),
  'GET /api/award-nominations/{nominationId}/score': async (fx, o) => ({ url: await inPhaseUrl(fx, o, '/score') }),
  'PUT /api/award-nominations/{nominationId}/score': async (fx, o) => ({
    url: await inPhaseUrl(fx, o, '/score'),
    payload: { scores: { novelty: 8, effect: 7 }, review: { summary: 'Có giá trị ứng dụng' } },
  }),
  'GET /api/award-nominations/{nominationId}/scores': async (fx, o) => ({ url: await inPhaseUrl(fx, o, '/scores') }),
  'POST /api/award-nominations/{nominationId}/vote': async (fx, o) => ({
    url: `/api/award-nominations/${await freshNomination(fx, o ?? 'own', 'in_phase')}/vote`,
    payload: { choice: 'yes' },
  }),
  'GET /api/awards/{id}/rounds/{roundId}/council': async (fx, o) => ({ url: await roundUrl(fx, o, '/council') }),
  // A new round each time: seating someone changes what the other rows see.
  'POST /api/awards/{id}/rounds/{roundId}/council': async (fx) => {
    const { awardId, round } = await freshRound(fx, true);
    return {
      url: `/api/awards/${awardId}/rounds/${round}/council`,
      payload: { phase: 1, profileId: fx.profileIds.otherExpert, role: 'member' },
    };
  },
  'POST /api/awards/{id}/rounds/{roundId}/phases/{phase}/start': async (fx, o) => ({ url: await roundUrl(fx, o, '/phases/1/start') }),
  'GET /api/awards/{id}/rounds/{roundId}/phases/{phase}/console': async (fx, o) => ({ url: await roundUrl(fx, o, '/phases/1/console') }),
  'PUT /api/awards/{id}/rounds/{roundId}/phases/{phase}/attendance': async (fx, o) => ({
    url: await roundUrl(fx, o, '/phases/1/attendance'),
    payload: { presentMemberIds: [] },
  }),
  'GET /api/awards/{id}/rounds/{roundId}/phases/{phase}/minutes.pdf': async (fx, o) => ({
    url: await roundUrl(fx, o, '/phases/1/minutes.pdf'),
  }),
  // Closing and deciding end a phase or a round: a new round each time (own: the expert chairs phase 1; foreign: no seats).
  'POST /api/awards/{id}/rounds/{roundId}/phases/{phase}/close': async (fx, o) => {
    const { awardId, round } = await freshRound(fx, o !== 'foreign');
    return { url: `/api/awards/${awardId}/rounds/${round}/phases/1/close` };
  },
  'POST /api/awards/{id}/rounds/{roundId}/decision': async (fx) => {
    const { awardId, round } = await freshRound(fx, false);
    return {
      url: `/api/awards/${awardId}/rounds/${round}/decision`,
      payload: {
        number: '12/QĐ-UBND',
        date: new Date().toISOString().slice(0, 10),
        signer: 'Chủ tịch UBND thành phố',
        publishAt: new Date(Date.now() + 86_400_000).toISOString(),
        awarded: [],
      },
    };
  },
};

export const REQUESTS: Record<string, Build> = {
  ...AWARD_REQUESTS,
  // Review councils of applications (issue 14.5): valid bodies on unknown seats, so the answer is who may act.
  'POST /api/applications/{id}/reviewers': () => ({
    url: `/api/applications/${randomUUID()}/reviewers`,
    payload: { profileId: randomUUID() },
  }),
  'POST /api/application-reviews/{reviewerId}/answer': () => ({
    url: `/api/application-reviews/${randomUUID()}/answer`,
    payload: { accept: false, reason: 'Bận' },
  }),
  'PUT /api/application-reviews/{reviewerId}/opinion': () => ({
    url: `/api/application-reviews/${randomUUID()}/opinion`,
    payload: { recommendation: 'approve', comment: '' },
  }),
  // Positions offered (issue 14): own = the agency's organisation's, foreign = another organisation's.
  'POST /api/offers': () => ({ url: '/api/offers', payload: { title: 'Vị trí thử', kind: 'short_term', mode: 'remote' } }),
  'GET /api/offers/{id}': async (fx, o) => ({ url: `/api/offers/${pick(await offersOf(fx), o)}` }),
  'PATCH /api/offers/{id}': async (fx, o) => {
    const id = pick(await offersOf(fx), o);
    return { url: `/api/offers/${id}`, payload: { requirements: 'Tiến sĩ', version: await offerVersion(fx, id) } };
  },
  'POST /api/offers/{id}/status': async (fx, o) => ({
    url: `/api/offers/${pick(await offersOf(fx), o)}/status`,
    payload: { status: 'published' },
  }),
  'POST /api/offers/{id}/interest': async (fx, o) => ({
    url: `/api/offers/${pick(await offersOf(fx), o)}/interest`,
    payload: { note: 'Quan tâm' },
  }),
  'DELETE /api/offers/{id}/interest': async (fx, o) => ({ url: `/api/offers/${pick(await offersOf(fx), o)}/interest` }),
  'GET /api/offers/{id}/interests': async (fx, o) => ({ url: `/api/offers/${pick(await offersOf(fx), o)}/interests` }),
  'GET /api/offers/{id}/suggestions': async (fx, o) => ({ url: `/api/offers/${pick(await offersOf(fx), o)}/suggestions` }),
  'PUT /api/me/offer-alerts': () => ({ url: '/api/me/offer-alerts', payload: { enabled: true } }),
  'PATCH /api/commitments/{id}': () => ({ url: `/api/commitments/${randomUUID()}`, payload: { employer: 'Sở Y tế', version: 1 } }),
  'POST /api/commitments/{id}/confirmations': () => ({
    url: `/api/commitments/${randomUUID()}/confirmations`,
    payload: { year: 1, note: '' },
  }),
  'POST /api/commitments/{id}/exit': () => ({
    url: `/api/commitments/${randomUUID()}/exit`,
    payload: { date: '2026-01-01', reason: 'Chuyển công tác' },
  }),
  'GET /api/experts/eligible': () => ({ url: `/api/experts/eligible?programId=${randomUUID()}` }),
  'GET /api/reports/annual': () => ({ url: '/api/reports/annual?year=2025' }),
  'PUT /api/reports/annual/{year}': () => ({
    url: '/api/reports/annual/2025',
    payload: { texts: { results: 'Kết quả', difficulties: '', proposals: '' } },
  }),
  'POST /api/reports/annual/{year}/submit': () => ({ url: '/api/reports/annual/2024/submit' }),
  'POST /api/reports/annual/by-id/{id}/return': () => ({
    url: `/api/reports/annual/by-id/${randomUUID()}/return`,
    payload: { reason: 'Bổ sung' },
  }),
  // A purpose no other test depends on.
  'POST /api/me/consents/{purpose}/grant': () => ({ url: '/api/me/consents/award_nomination/grant' }),
  'POST /api/me/consents/{purpose}/withdraw': () => ({ url: '/api/me/consents/award_nomination/withdraw' }),
  'POST /api/me/data-requests': () => ({ url: '/api/me/data-requests', payload: { type: 'access', details: 'Bản sao hồ sơ giấy' } }),
  'POST /api/admin/privacy/requests/{id}': () => ({
    url: `/api/admin/privacy/requests/${randomUUID()}`,
    payload: { action: 'acknowledge' },
  }),
  'POST /api/admin/privacy/breaches': () => ({
    url: '/api/admin/privacy/breaches',
    payload: { title: 'Matrix breach', detectedAt: new Date().toISOString() },
  }),
  'PATCH /api/admin/privacy/breaches/{id}': () => ({
    url: `/api/admin/privacy/breaches/${randomUUID()}`,
    payload: { status: 'assessing' },
  }),
  'POST /api/admin/privacy/policies': () => ({
    url: '/api/admin/privacy/policies',
    payload: { version: `matrix-${randomUUID().slice(0, 8)}`, rules: DEFAULT_PRIVACY_POLICY.rules },
  }),
  'POST /api/admin/privacy/notices': () => ({
    url: '/api/admin/privacy/notices',
    payload: { version: `matrix-${randomUUID().slice(0, 8)}`, content: DEFAULT_PRIVACY_NOTICE.content },
  }),
  'POST /api/auth/sign-up': () => ({
    url: '/api/auth/sign-up',
    payload: { email: email(), password: 'a long passphrase 2026', fullName: 'Trần Văn Bình', acceptPrivacy: true },
  }),
  'POST /api/auth/sign-in': () => ({
    url: '/api/auth/sign-in',
    payload: { email: 'expert@demo.local', password: 'demo password for tests' },
  }),
  'POST /api/auth/verify-email': () => ({ url: '/api/auth/verify-email', payload: { token: 'x'.repeat(43) } }),
  'POST /api/auth/resend-verification': () => ({ url: '/api/auth/resend-verification', payload: { email: email() } }),
  'POST /api/auth/forgot-password': () => ({ url: '/api/auth/forgot-password', payload: { email: email() } }),
  'POST /api/auth/reset-password': () => ({
    url: '/api/auth/reset-password',
    payload: { token: 'x'.repeat(43), password: 'a long passphrase 2026' },
  }),
  'POST /api/auth/accept-invitation': () => ({
    url: '/api/auth/accept-invitation',
    payload: { token: 'x'.repeat(43), password: 'a long passphrase 2026', fullName: 'Trần Văn Bình' },
  }),
  'PATCH /api/me': () => ({ url: '/api/me', payload: { locale: 'vi' } }),
  'GET /api/reference/provinces/{province}/communes': () => ({ url: '/api/reference/provinces/31/communes' }),
  // A valid made-up version; applying it under the code of the current one answers 409 (the matrix changes nothing).
  'POST /api/admin/taxonomy/versions/preview': () => ({
    url: '/api/admin/taxonomy/versions/preview',
    payload: TAXONOMY_UPLOAD('T-matrix'),
  }),
  'POST /api/admin/taxonomy/versions': () => ({ url: '/api/admin/taxonomy/versions', payload: TAXONOMY_UPLOAD('12/2008') }),
  'POST /api/me/password': () => ({
    url: '/api/me/password',
    payload: { currentPassword: 'not the password', newPassword: 'a long passphrase 2026' },
  }),
  'GET /api/admin/users': () => ({ url: '/api/admin/users?q=matrix' }),
  'POST /api/admin/users/invitations': (fx) => ({
    url: '/api/admin/users/invitations',
    payload: { email: email(), fullName: 'Cán bộ mới', role: 'agency', organisationId: fx.associations.own },
  }),
  'PATCH /api/admin/users/{id}': (fx) => ({ url: `/api/admin/users/${fx.userIds.otherExpert}`, payload: { status: 'active' } }),
  'POST /api/admin/organisations': () => {
    const code = `org-${randomUUID().slice(0, 8)}`;
    return { url: '/api/admin/organisations', payload: { code, kind: 'department', nameVi: `Sở ${code}`, nameEn: `Department ${code}` } };
  },
  // A stale version: the answer shows who may write without changing anyone's profile.
  'PATCH /api/me/profile': () => ({ url: '/api/me/profile', payload: { version: 999_999 } }),
  'PUT /api/me/profile': (fx) => ({
    url: '/api/me/profile',
    payload: { ...fx.marked.content, fullName: 'Trần Văn Bình', version: 999_999 },
  }),
  'GET /api/experts/{id}': (fx, o) => ({ url: `/api/experts/${o === 'foreign' ? fx.profileIds.otherExpert : fx.profileIds.expert}` }),
  'POST /api/me/profile/publications/import/preview': () => ({
    url: '/api/me/profile/publications/import/preview',
    payload: { format: 'bibtex', content: '@article{k, title={Cảng biển}, year=2021}' },
  }),
  'POST /api/me/profile/publications/import': () => ({
    url: '/api/me/profile/publications/import',
    payload: { format: 'bibtex', content: '@article{k, title={Cảng biển}, year=2021}', version: 999_999 },
  }),
  'POST /api/me/profile/claims': (fx) => ({ url: '/api/me/profile/claims', payload: { profileId: fx.profileIds.otherExpert } }),
  'POST /api/me/profile/claim': () => ({ url: '/api/me/profile/claim', payload: { token: 'x'.repeat(43) } }),
  'POST /api/associations': () => {
    const code = `hoi-${randomUUID().slice(0, 8)}`;
    return { url: '/api/associations', payload: { code, nameVi: `Hội ${code}`, nameEn: `Association ${code}` } };
  },
  'PATCH /api/associations/{id}': (fx, o) => ({ url: `/api/associations/${pick(fx.associations, o)}`, payload: {} }),
  'DELETE /api/associations/{id}': async (fx) => ({ url: `/api/associations/${await fx.fresh.association()}` }),
  'GET /api/associations/{id}/members': (fx, o) => ({ url: `/api/associations/${pick(fx.associations, o)}/members` }),
  'GET /api/associations/{id}/members.csv': (fx, o) => ({ url: `/api/associations/${pick(fx.associations, o)}/members.csv` }),
  'POST /api/me/memberships': (fx, o) => ({ url: '/api/me/memberships', payload: { associationId: pick(fx.associations, o) } }),
  'DELETE /api/me/memberships/{associationId}': (fx) => ({ url: `/api/me/memberships/${fx.associations.foreign}` }),
  'POST /api/curation/memberships/{id}/decision': async (fx, o) => ({
    url: `/api/curation/memberships/${await fx.fresh.membership(o ?? 'own')}/decision`,
    payload: { decision: 'reject', reason: 'Chưa đủ điều kiện' },
  }),
  'POST /api/me/verifications': (fx) => ({
    url: '/api/me/verifications',
    payload: fx.form({ itemType: 'title', note: 'Chức danh' }, [{ field: 'evidence', name: 'qd.pdf', bytes: PDF }]),
  }),
  'GET /api/curation/verifications/{id}': (fx, o) => ({ url: `/api/curation/verifications/${pick(fx.verifications, o)}` }),
  'POST /api/curation/verifications/{id}/decision': (fx, o) => ({
    url: `/api/curation/verifications/${pick(fx.verifications, o)}/decision`,
    payload: { decision: 'reject', reason: 'Bản chụp không rõ' },
  }),
  'GET /api/curation/evidence/{id}': (fx, o) => ({ url: `/api/curation/evidence/${pick(fx.evidence, o)}` }),
  'POST /api/curation/duplicates/{id}/merge': () => ({
    url: `/api/curation/duplicates/${randomUUID()}/merge`,
    payload: { keep: 'a' },
  }),
  'POST /api/curation/imports': (fx, o) => ({
    url: `/api/curation/imports?associationId=${pick(fx.associations, o)}`,
    payload: fx.form({}, [{ field: 'file', name: 'hoi-vien.csv', bytes: Buffer.from('full_name\r\nTạ Quang Bửu\r\n') }]),
  }),
  'GET /api/curation/imports/{id}': (fx, o) => ({ url: `/api/curation/imports/${pick(fx.imports, o)}` }),
  'GET /api/curation/imports/{id}/rows': (fx, o) => ({ url: `/api/curation/imports/${pick(fx.imports, o)}/rows` }),
  'POST /api/curation/imports/{id}/confirm': (fx, o) => ({ url: `/api/curation/imports/${pick(fx.imports, o)}/confirm` }),
  'POST /api/shortlists': () => ({ url: '/api/shortlists', payload: { name: 'Chuyên gia cảng biển' } }),
  'GET /api/shortlists/{id}': (fx, o) => ({ url: `/api/shortlists/${pick(fx.shortlists, o)}` }),
  'PATCH /api/shortlists/{id}': (fx, o) => ({ url: `/api/shortlists/${pick(fx.shortlists, o)}`, payload: { description: 'Cập nhật' } }),
  'DELETE /api/shortlists/{id}': async (fx, o) => ({
    url: `/api/shortlists/${await fx.fresh.shortlist(o === 'foreign' ? 'otherAgency' : 'agency')}`,
  }),
  'PUT /api/shortlists/{id}/items/{profileId}': (fx, o) => ({
    url: `/api/shortlists/${pick(fx.shortlists, o)}/items/${fx.profileIds.otherExpert}`,
    payload: { note: 'Liên hệ' },
  }),
  'DELETE /api/shortlists/{id}/items/{profileId}': (fx, o) => ({ url: `/api/shortlists/${pick(fx.shortlists, o)}/items/${randomUUID()}` }),
  'GET /api/shortlists/{id}/export.csv': (fx, o) => ({ url: `/api/shortlists/${pick(fx.shortlists, o)}/export.csv` }),
  // Two-step sign-in: bodies that pass validation, so the answer is about who may act.
  'POST /api/auth/sign-in/mfa': () => ({ url: '/api/auth/sign-in/mfa', payload: { mfaToken: 'x'.repeat(43), code: '123456' } }),
  'POST /api/me/mfa/totp/enable': () => ({ url: '/api/me/mfa/totp/enable', payload: { code: '000000' } }),
  'POST /api/me/mfa/totp/disable': () => ({ url: '/api/me/mfa/totp/disable', payload: { password: 'not the password', code: '000000' } }),
  'POST /api/me/mfa/recovery-codes': () => ({ url: '/api/me/mfa/recovery-codes', payload: { code: '000000' } }),
  'PUT /api/admin/settings/mfa': () => ({ url: '/api/admin/settings/mfa', payload: { requiredRoles: [] } }),
  'PUT /api/admin/privacy/officers': () => ({ url: '/api/admin/privacy/officers', payload: { userIds: [] } }),
  'POST /api/admin/users/{id}/mfa/reset': (fx) => ({ url: `/api/admin/users/${fx.userIds.otherExpert}/mfa/reset` }),
  // Notifications and suggestions.
  'POST /api/me/notifications/read': () => ({ url: '/api/me/notifications/read', payload: {} }),
  'PUT /api/me/notification-preferences': () => ({
    url: '/api/me/notification-preferences',
    payload: { email: true, dailyDigest: false, mutedKinds: [] },
  }),
  'GET /api/reference/suggest': () => ({ url: '/api/reference/suggest?q=cang%20bien' }),
  // No proposal is pending for anyone: the answer shows who may answer for which association.
  'POST /api/me/memberships/{associationId}/answer': (fx, o) => ({
    url: `/api/me/memberships/${pick(fx.associations, o)}/answer`,
    payload: { answer: 'decline' },
  }),
  'DELETE /api/curation/imports/{id}': async (fx, o) => ({ url: `/api/curation/imports/${await fx.fresh.import(o ?? 'own')}` }),
  // Consultations: own is the agency's draft (the expert is invited to it), foreign another agency's.
  'POST /api/consultations': () => ({
    url: '/api/consultations',
    payload: {
      kind: 'tu_van',
      title: 'Tư vấn quy hoạch cảng cạn',
      summary: 'Ý kiến tư vấn về quy hoạch cảng cạn.',
      fields: ['502'],
      sectors: ['seaport'],
      keywords: [],
      dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      panelSize: 3,
      blind: false,
    },
  }),
  'GET /api/consultations/{id}': (fx, o) => ({ url: `/api/consultations/${pick(fx.consultations, o)}` }),
  'GET /api/consultations/{id}/suggestions': (fx, o) => ({ url: `/api/consultations/${pick(fx.consultations, o)}/suggestions` }),
  'GET /api/consultations/{id}/candidates': (fx, o) => ({ url: `/api/consultations/${pick(fx.consultations, o)}/candidates?q=Nguyen` }),
  'GET /api/consultations/{id}/panel-proposal': (fx, o) => ({ url: `/api/consultations/${pick(fx.consultations, o)}/panel-proposal` }),
  'POST /api/consultations/{id}/invitations': (fx, o) => ({
    url: `/api/consultations/${pick(fx.consultations, o)}/invitations`,
    payload: { profileIds: [fx.profileIds.otherExpert] },
  }),
  'POST /api/consultations/{id}/cancel': async (fx, o) => ({
    url: `/api/consultations/${await fx.fresh.consultation(o ?? 'own')}/cancel`,
    payload: { reason: 'Đề án đã rút' },
  }),
  'GET /api/consultations/{id}/reviews/mine': (fx, o) => ({ url: `/api/consultations/${pick(fx.consultations, o)}/reviews/mine` }),
  'PUT /api/consultations/{id}/reviews/mine': (fx, o) => ({
    url: `/api/consultations/${pick(fx.consultations, o)}/reviews/mine`,
    payload: {},
  }),
  'POST /api/consultations/{id}/reviews/mine/submit': (fx, o) => ({
    url: `/api/consultations/${pick(fx.consultations, o)}/reviews/mine/submit`,
  }),
  'GET /api/consultations/{id}/reviews': (fx, o) => ({ url: `/api/consultations/${pick(fx.consultations, o)}/reviews` }),
  // The drafts are not at these steps: the owner meets 409, everyone else 403/404.
  'POST /api/consultations/{id}/report': (fx, o) => ({
    url: `/api/consultations/${pick(fx.consultations, o)}/report`,
    payload: { summary: 'Tóm tắt', body: 'Ý kiến tổng hợp' },
  }),
  'POST /api/consultations/{id}/report/approve': (fx, o) => ({ url: `/api/consultations/${pick(fx.consultations, o)}/report/approve` }),
  'POST /api/consultations/{id}/send': (fx, o) => ({ url: `/api/consultations/${pick(fx.consultations, o)}/send` }),
  'POST /api/consultations/{id}/reply': (fx, o) => ({
    url: `/api/consultations/${pick(fx.consultations, o)}/reply`,
    payload: { accepted: 'Tiếp thu', notAccepted: '', explanation: '' },
  }),
  'POST /api/consultations/{id}/rating': (fx, o) => ({
    url: `/api/consultations/${pick(fx.consultations, o)}/rating`,
    payload: { score: 4 },
  }),
  'POST /api/consultations/{id}/close': (fx, o) => ({ url: `/api/consultations/${pick(fx.consultations, o)}/close`, payload: {} }),
  'GET /api/consultations/{id}/documents': (fx, o) => ({ url: `/api/consultations/${pick(fx.consultations, o)}/documents` }),
  'POST /api/consultations/{id}/documents': (fx, o) => ({
    url: `/api/consultations/${pick(fx.consultations, o)}/documents`,
    payload: fx.form({}, [{ field: 'file', name: 'de-an.pdf', bytes: PDF }]),
  }),
  'GET /api/public/consultations/{id}': (fx, o) => ({ url: `/api/public/consultations/${pick(fx.consultations, o)}` }),
  'POST /api/me/invitations/{id}/accept': async (fx, o) => ({
    url: `/api/me/invitations/${await fx.fresh.invitation(o ?? 'own')}/accept`,
    payload: { declaration: { conflict: false, confidentiality: true } },
  }),
  'POST /api/me/invitations/{id}/decline': async (fx, o) => ({
    url: `/api/me/invitations/${await fx.fresh.invitation(o ?? 'own')}/decline`,
    payload: { reason: 'Bận công tác' },
  }),
  'POST /api/me/invitations/{id}/conflict': async (fx, o) => ({
    url: `/api/me/invitations/${await fx.fresh.invitation(o ?? 'own')}/conflict`,
    payload: { description: 'Đã tham gia soạn thảo đề án' },
  }),
};

/** For a route without an entry: its path with random ids. */
export const defaultRequest = (route: string): MatrixRequest => ({ url: route.split(' ')[1]!.replace(/\{[^}]+\}/g, () => randomUUID()) });
