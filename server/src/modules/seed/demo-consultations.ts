import type { Database } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import type { ConsultationsModule } from '../consultations/consultations.module.js';
import { createDemoActorsRepository, createSeedRepository } from './seed.repository.js';

const SEED_KEY = 'demo_consultations';
const DAY = 86_400_000;

/** One case per state, each taken as far as its state through the services (rules, audit, notifications). */
const plan = [
  { title: 'Tư vấn xây dựng đề án chuyển đổi số dịch vụ cảng biển', kind: 'tu_van', stop: 'draft' },
  { title: 'Phản biện dự thảo quy hoạch trung tâm logistics Đình Vũ', kind: 'phan_bien', stop: 'panel_forming' },
  { title: 'Phản biện đề án phát triển kinh tế biển xanh 2026–2030', kind: 'phan_bien', stop: 'in_review' },
  { title: 'Giám định xã hội dự án nâng cấp luồng hàng hải Lạch Huyện', kind: 'giam_dinh', stop: 'consolidating' },
  { title: 'Phản biện đề án cảng cạn và kho ngoại quan Hải Dương', kind: 'phan_bien', stop: 'sent' },
  { title: 'Tư vấn chính sách thu hút chuyên gia logistics', kind: 'tu_van', stop: 'replied' },
  { title: 'Phản biện đề án phát triển du lịch biển Cát Bà', kind: 'phan_bien', stop: 'closed' },
  { title: 'Phản biện đề án xe buýt điện nội đô (đã hủy)', kind: 'phan_bien', stop: 'cancelled' },
] as const;
const order = ['draft', 'panel_forming', 'in_review', 'consolidating', 'sent', 'replied', 'closed'] as const;

/** Seeds the demo cases once per database (after the demo accounts exist). */
export async function seedDemoConsultations(db: Database, m: ConsultationsModule, clock: () => Date = () => new Date()) {
  const meta = createSeedRepository({ db });
  if (await meta.getMeta(SEED_KEY)) return false;
  const actors = createDemoActorsRepository({ db });
  const [agency, expert] = await Promise.all([actors.actor('agency@demo.local'), actors.actor('expert@demo.local')]);
  if (!agency || !expert?.profileId) return false;
  const ctx = (a: NonNullable<typeof agency>): RequestContext => ({
    actor: { userId: a.userId, role: a.role, organisationId: a.organisationId, sessionId: 'demo-seed' },
    ip: null,
    userAgent: 'demo seed',
    requestId: null,
  });
  const asAgency = ctx(agency);
  const asExpert = ctx(expert);
  for (const [i, p] of plan.entries()) {
    const reached = (s: (typeof order)[number]) => p.stop !== 'cancelled' && order.indexOf(p.stop) >= order.indexOf(s);
    const { id } = await m.consultationsService.create(asAgency, {
      kind: p.kind,
      title: p.title,
      summary: `${p.title}. Hồ sơ gồm tờ trình, dự thảo đề án và báo cáo đánh giá tác động.`,
      fields: ['502'],
      sectors: ['seaport', 'logistics'],
      keywords: ['logistics', 'cảng biển'],
      dueAt: new Date(clock().getTime() + (14 + i) * DAY).toISOString(),
      panelSize: 3,
      blind: i % 2 === 1,
      questions: ['Đề án có cần thiết và khả thi không?'],
      publishable: true,
    });
    if (p.stop === 'cancelled') await m.consultationsService.cancel(asAgency, id, 'Cơ quan soạn thảo rút đề án để chỉnh sửa');
    if (!reached('panel_forming')) continue;
    const invited = await m.panelService.invite(asAgency, id, { profileIds: [expert.profileId], overrides: [], role: 'chair' });
    if (!reached('in_review')) continue;
    const declaration = {
      conflict: false,
      description: '',
      familyOrFinancial: false,
      confidentiality: true,
      shareContact: true,
      publishName: true,
    };
    await m.panelService.accept(asExpert, invited.items[0]!.id, declaration);
    await m.opinionService.saveMyReview(asExpert, id, {
      summary: 'Đề án cần thiết, phù hợp định hướng phát triển kinh tế biển.',
      verdict: 'Đồng ý có điều kiện',
    });
    if (!reached('consolidating')) continue;
    await m.opinionService.submitMyReview(asExpert, id);
    await m.opinionService.saveReport(asAgency, id, {
      summary: 'Hội đồng đồng ý với đề án, đề nghị bổ sung đánh giá tác động môi trường.',
      body: 'Ý kiến tổng hợp của hội đồng…',
      points: [],
    });
    if (!reached('sent')) continue;
    await m.opinionService.send(asAgency, id);
    if (!reached('replied')) continue;
    await m.opinionService.reply(asAgency, id, {
      accepted: 'Bổ sung đánh giá tác động môi trường.',
      notAccepted: '',
      explanation: 'Tiếp thu toàn bộ ý kiến.',
    });
    await m.opinionService.rate(asAgency, id, { score: 4, comment: 'Ý kiến xác đáng' });
    if (reached('closed')) await m.opinionService.close(asAgency, id, true);
  }
  await db.transaction((tx) => meta.setMeta(tx, SEED_KEY, { at: clock().toISOString() }));
  return true;
}
