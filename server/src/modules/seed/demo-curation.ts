import type { RequestContext } from '../../app/request-context.js';
import type { DuplicatesService } from '../duplicates/duplicates.service.js';
import type { MembershipsService } from '../memberships/memberships.service.js';
import { rowToContent } from '../profiles/profile-document.js';
import type { VerificationService } from '../verification/verification.service.js';
import {
  type DemoImportDeps,
  duplicateRows,
  MEMBER_SPREAD,
  memberRows,
  membersCsv,
  OLD_PLACES_IMPORT,
  oldPlacesCsv,
  runImport,
  shareContacts,
} from './demo-curation-imports.js';
import { createDemoActorsRepository, createDemoCurationRepository, createSeedRepository } from './seed.repository.js';

const SEED_KEY = 'demo_curation';

export interface DemoCurationDeps extends DemoImportDeps {
  membershipsService: MembershipsService;
  verificationService: VerificationService;
  duplicatesService: DuplicatesService;
}

/** A one-page PDF small enough to build here; the evidence sniffer reads its magic bytes. */
export const SAMPLE_EVIDENCE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
    '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

type Actor = NonNullable<Awaited<ReturnType<ReturnType<typeof createDemoActorsRepository>['actor']>>>;
const contextOf = (a: Actor): RequestContext => ({
  actor: { userId: a.userId, role: a.role, organisationId: a.organisationId, sessionId: 'demo-seed' },
  ip: null,
  userAgent: 'demo seed',
  requestId: null,
});

/**
 * Seeds a curation workload once per database (after the demo accounts and generated profiles):
 * shared contacts, association members from member-list imports (one finished per association, one
 * failed), duplicate pairs, pending applications and verification requests in every state. All of
 * it goes through the services, so the audit log and the search outbox see it as user actions.
 */
export async function seedDemoCuration(deps: DemoCurationDeps, clock: () => Date = () => new Date()) {
  const meta = createSeedRepository({ db: deps.db });
  if (await meta.getMeta(SEED_KEY)) return false;
  const actors = createDemoActorsRepository({ db: deps.db });
  const [curator, expert] = await Promise.all([actors.actor('curator@demo.local'), actors.actor('expert@demo.local')]);
  if (!curator || !expert?.profileId) return false;
  const asCurator = contextOf(curator);
  const asExpert = contextOf(expert);
  const orgs = createDemoCurationRepository({ db: deps.db });

  await shareContacts(deps, asCurator, await orgs.unclaimedProfiles());
  const profiles = await orgs.unclaimedProfiles();
  for (const [i, spread] of MEMBER_SPREAD.entries()) {
    const associationId = await orgs.organisationId(spread.code);
    if (!associationId) continue;
    const rows = [...memberRows(profiles, spread.every), ...(i === 0 ? duplicateRows(profiles, 3) : [])];
    await runImport(deps, asCurator, associationId, `hoi-vien-${spread.code}.csv`, membersCsv(rows));
  }
  const failedTo = await orgs.organisationId(MEMBER_SPREAD[1].code);
  // A list with its own column names: the dry run stops at the header, as it would for a user.
  if (failedTo) await runImport(deps, asCurator, failedTo, 'danh-sach-cu.csv', 'ho_ten,thu_dien_tu\nNguyễn Văn A,a@example.vn\n');
  // A list from before the 2025 map: its preview shows what the old districts and Hải Dương addresses became.
  const economics = await orgs.organisationId('hoi-kh-kinh-te');
  if (economics) await runImport(deps, asCurator, economics, OLD_PLACES_IMPORT, oldPlacesCsv());
  await deps.duplicatesService.scan(asCurator);

  for (const code of ['hoi-tin-hoc', 'hoi-kh-kinh-te', 'hoi-hang-hai']) {
    const associationId = await orgs.organisationId(code);
    if (associationId) await deps.membershipsService.apply(asExpert, associationId, 'Tôi mong muốn tham gia sinh hoạt chuyên môn của hội.');
  }
  await seedVerifications(deps, asExpert, asCurator, expert.profileId);
  await deps.db.transaction((tx) => meta.setMeta(tx, SEED_KEY, { at: clock().toISOString() }));
  return true;
}

/** The demo expert asks for every item to be verified; the curator decides some, leaving the rest pending. */
async function seedVerifications(deps: DemoCurationDeps, asExpert: RequestContext, asCurator: RequestContext, profileId: string) {
  const row = await deps.profilesRepository.findById(profileId);
  if (!row) return;
  const content = rowToContent(row);
  const plan = [
    { itemType: 'degree' as const, itemId: content.education[0]?.id, decision: 'approve' as const },
    { itemType: 'position' as const, itemId: content.positions[0]?.id, decision: 'reject' as const },
    { itemType: 'title' as const, itemId: null, decision: 'request_changes' as const },
    { itemType: 'position' as const, itemId: content.positions[1]?.id, decision: null },
    { itemType: 'degree' as const, itemId: content.education[1]?.id, decision: null },
  ];
  for (const [i, p] of plan.entries()) {
    if (p.itemId === undefined) continue;
    const evidence = { filename: `minh-chung-${i + 1}.pdf`, mimeType: 'application/pdf', bytes: SAMPLE_EVIDENCE_PDF };
    const input = { itemType: p.itemType, itemId: p.itemId, associationId: null, note: 'Bản sao có chứng thực kèm theo.' };
    const request = await deps.verificationService.submit(asExpert, input, [evidence]);
    if (!p.decision) continue;
    const reason = p.decision === 'approve' ? undefined : 'Bản chụp chưa rõ số hiệu văn bằng; vui lòng gửi lại bản rõ hơn.';
    await deps.verificationService.decide(asCurator, request.id, p.decision, reason);
  }
}
