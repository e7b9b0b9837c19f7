import type { Database } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import type { ReportsModule } from '../reports/reports.module.js';
import { createDemoActorsRepository, createSeedRepository } from './seed.repository.js';

const SEED_KEY = 'demo_reports';

type Actor = NonNullable<Awaited<ReturnType<ReturnType<typeof createDemoActorsRepository>['actor']>>>;
const ctxOf = (a: Actor): RequestContext => ({
  actor: { userId: a.userId, role: a.role, organisationId: a.organisationId, sessionId: 'demo-seed' },
  ip: null,
  userAgent: 'demo seed',
  requestId: null,
});

/**
 * Yearly reports on Plan 09 for the previous year, through the services (states, audit,
 * notifications): the Department of Construction's is submitted and waits for the officer; the
 * Union of Science and Technology Associations' was accepted.
 */
export async function seedDemoReports(db: Database, m: ReportsModule, clock: () => Date = () => new Date()) {
  const meta = createSeedRepository({ db });
  if (await meta.getMeta(SEED_KEY)) return false;
  const actors = createDemoActorsRepository({ db });
  const [agency, curator, officer] = await Promise.all([
    actors.actor('agency@demo.local'),
    actors.actor('curator@demo.local'),
    actors.actor('officer@demo.local'),
  ]);
  if (!agency?.organisationId || !curator?.organisationId || !officer) return false;
  const year = clock().getFullYear() - 1;
  const s = m.annualReportsService;
  await s.save(ctxOf(agency), year, {
    documentNumber: `45/BC-SXD`,
    signerName: 'Trần Thị Thu Hà',
    signerTitle: 'KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC',
    texts: {
      results:
        'Sở đã phổ biến Kết luận 52-KL/TW đến toàn thể cán bộ, công chức; mời 6 chuyên gia phản biện đề án phát triển nhà ở xã hội và đề án quy hoạch trung tâm logistics.',
      difficulties: 'Nhiều chuyên gia ở nước ngoài chưa cập nhật hồ sơ; kinh phí thuê chuyên gia phản biện còn hạn chế.',
      proposals: 'Đề nghị Sở Khoa học và Công nghệ hướng dẫn định mức chi cho hoạt động tư vấn, phản biện của chuyên gia.',
    },
  });
  await s.submit(ctxOf(agency), year);
  await s.save(ctxOf(curator), year, {
    documentNumber: `12/BC-LHH`,
    signerName: 'Lê Minh Đức',
    signerTitle: 'CHỦ TỊCH',
    texts: {
      results: 'Liên hiệp hội đã xác minh hồ sơ hội viên của 8 hội thành viên và tổ chức 3 đợt phản biện xã hội.',
      difficulties: 'Danh sách hội viên của một số hội chưa được số hóa.',
      proposals: 'Hỗ trợ kinh phí số hóa danh sách hội viên các hội chuyên ngành.',
    },
  });
  const { id } = await s.submit(ctxOf(curator), year);
  await s.accept(ctxOf(officer), id);
  await db.transaction((tx) => meta.setMeta(tx, SEED_KEY, { at: clock().toISOString() }));
  return true;
}
