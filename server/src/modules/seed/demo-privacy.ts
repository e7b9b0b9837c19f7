import type { Database } from '@hpen/db';
import { type RequestContext, systemContext } from '../../app/request-context.js';
import { requestClocks } from '../privacy/privacy-clock.js';
import type { PrivacyModule } from '../privacy/privacy.module.js';
import type { DataRequestType } from '../privacy/privacy.schemas.js';
import { createDemoActorsRepository, createSeedRepository } from './seed.repository.js';

const SEED_KEY = 'demo_privacy';
const DAY = 86_400_000;

/** Requests in several states: [type, days ago received, what staff did]. One is overdue, one is near its deadline. */
const plan: Array<{ type: DataRequestType; daysAgo: number; details: string; steps: Array<'acknowledge' | 'fulfil'> }> = [
  { type: 'access', daysAgo: 25, details: 'Xin bản sao hồ sơ giấy đã nộp cho Sở Nội vụ năm 2024.', steps: [] },
  {
    type: 'correction',
    daysAgo: 18,
    details: 'Năm tốt nghiệp tiến sĩ trong hồ sơ nhập từ danh sách hội bị sai (2012, không phải 2015).',
    steps: ['acknowledge'],
  },
  { type: 'objection', daysAgo: 0, details: 'Tôi phản đối việc dùng hồ sơ của tôi cho thống kê gửi Bộ.', steps: [] },
  {
    type: 'restriction',
    daysAgo: 9,
    details: 'Tạm ngừng xử lý phần quá trình công tác trong khi tôi bổ sung giấy tờ.',
    steps: ['acknowledge', 'fulfil'],
  },
];

/**
 * Seeds the privacy side once per database, through the services (audit, notifications,
 * reminders): consents for the demo users, data requests in several states, one breach.
 * Past receipt dates are then set on the rows, with the clocks recomputed from the policy.
 */
export async function seedDemoPrivacy(deps: { db: Database; privacy: PrivacyModule }, clock: () => Date = () => new Date()) {
  const { db, privacy } = deps;
  const meta = createSeedRepository({ db });
  if (await meta.getMeta(SEED_KEY)) return false;
  const actors = createDemoActorsRepository({ db });
  const [expert, admin] = await Promise.all([actors.actor('expert@demo.local'), actors.actor('admin@demo.local')]);
  if (!expert || !admin) return false;
  const ctx = (a: NonNullable<typeof expert>): RequestContext => ({
    actor: { userId: a.userId, role: a.role, organisationId: a.organisationId, sessionId: 'demo-seed' },
    ip: null,
    userAgent: 'demo seed',
    requestId: null,
  });
  const asExpert = ctx(expert);
  const asAdmin = ctx(admin);
  await privacy.policyService.ensureDefault();
  await privacy.consentsService.backfill(systemContext, await privacy.noticesService.currentVersion(), clock());
  await privacy.consentsService.change(asExpert, 'consultation_invitations', 'granted');

  const policy = await privacy.policyService.current();
  for (const p of plan) {
    const filed = await privacy.dataRequestsService.file(asExpert, { type: p.type, details: p.details });
    const receivedAt = new Date(clock().getTime() - p.daysAgo * DAY);
    await privacy.privacyRepository.updateRequest(db, filed.id, { receivedAt, ...requestClocks(policy.rules, p.type, receivedAt, false) });
    for (const step of p.steps)
      await privacy.dataRequestsService.act(
        asAdmin,
        filed.id,
        step === 'acknowledge'
          ? { action: 'acknowledge' }
          : { action: 'fulfil', outcome: 'Đã tạm ngừng xử lý phần quá trình công tác; chuyên gia được báo qua e-mail.' },
      );
  }
  await privacy.breachesService.create(asAdmin, {
    title: 'Gửi nhầm danh sách chuyên gia kèm số điện thoại cho một đơn vị ngoài danh sách nhận',
    description: 'Một cán bộ gửi tệp Excel 40 chuyên gia (họ tên, e-mail, điện thoại) tới nhầm địa chỉ. Đã đề nghị bên nhận xoá.',
    dataCategories: ['họ tên', 'e-mail', 'số điện thoại'],
    peopleAffected: 40,
    detectedAt: new Date(clock().getTime() - 30 * 3_600_000).toISOString(),
    measures: 'Thu hồi thư, đề nghị xác nhận xoá, rà soát quyền gửi tệp.',
  });
  await meta.setMeta(db, SEED_KEY, { at: clock().toISOString() });
  return true;
}
