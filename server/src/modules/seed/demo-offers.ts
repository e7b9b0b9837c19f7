import type { Database } from '@hpen/db';
import type { Role } from '@hpen/db/enums';
import type { RequestContext } from '../../app/request-context.js';
import type { OffersModule } from '../offers/offers.module.js';
import type { OfferBody } from '../offers/offers.schemas.js';
import type { ProgramsModule } from '../programs/programs.module.js';
import { RESOLUTION_53_CODE } from '../programs/seed-programs.js';
import { attachDossier } from './demo-programs.js';
import { createDemoActorsRepository, createDemoCurationRepository, createSeedRepository } from './seed.repository.js';

const SEED_KEY = 'demo_offers';
const R53_FACTS = { recruited_by_city_unit: true, field_needed_by_city: true, commit_5_years: true };

const asActor = (a: { userId: string; role: Role; organisationId: string | null }): RequestContext => ({
  actor: { userId: a.userId, role: a.role, organisationId: a.organisationId, sessionId: 'demo-seed' },
  ip: null,
  userAgent: 'demo seed',
  requestId: null,
});

const offer = (o: Partial<OfferBody> & Pick<OfferBody, 'title' | 'kind' | 'mode'>): OfferBody => ({
  description: '',
  fields: [],
  sectors: [],
  communeCode: null,
  requirements: '',
  overseasWelcome: false,
  programId: null,
  closesAt: null,
  ...o,
});

/**
 * Offers of the demo agency (five published, one draft) with the demo expert's interests and alert
 * opt-in; service commitments: the approved demo application's (moved to an earlier start and
 * confirmed for its first year) and one more approval that ended early. Through the real services.
 */
export async function seedDemoOffers(
  db: Database,
  m: { offers: OffersModule; programs: ProgramsModule },
  clock: () => Date = () => new Date(),
) {
  const meta = createSeedRepository({ db });
  if (await meta.getMeta(SEED_KEY)) return false;
  const actors = createDemoActorsRepository({ db });
  const [expert, agency, officer] = await Promise.all([
    actors.actor('expert@demo.local'),
    actors.actor('agency@demo.local'),
    actors.actor('officer@demo.local'),
  ]);
  if (!expert?.profileId || !agency?.organisationId || !officer) return false;
  const s = m.offers.offersService;
  const asAgency = asActor(agency);
  const asExpert = asActor(expert);
  const asOfficer = asActor(officer);
  const r53 = (await m.programs.programsService.list(asOfficer, false)).items.find((p) => p.code === RESOLUTION_53_CODE);
  const year = clock().getUTCFullYear();

  await s.setAlerts(asExpert, true);
  const plan: Array<{ body: OfferBody; publish: boolean }> = [
    {
      publish: true,
      body: offer({
        title: 'Chuyên gia quy hoạch cảng và logistics – Sở Xây dựng',
        kind: 'position',
        mode: 'on_site',
        description: 'Tham mưu quy hoạch hệ thống cảng biển, trung tâm logistics và kết nối hạ tầng giao thông thành phố.',
        fields: ['502', '201'],
        sectors: ['seaport', 'logistics'],
        communeCode: '11329',
        requirements: 'Tiến sĩ kinh tế vận tải biển, logistics hoặc quy hoạch; tối thiểu 5 năm kinh nghiệm.',
        overseasWelcome: true,
        programId: r53?.id ?? null,
        closesAt: `${year + 1}-03-31`,
      }),
    },
    {
      publish: true,
      body: offer({
        title: 'Tư vấn ngắn hạn: mô hình số hóa công trình (BIM) cho dự án đô thị',
        kind: 'short_term',
        mode: 'hybrid',
        description: 'Ba tháng tư vấn xây dựng quy trình BIM cho các dự án đầu tư công.',
        fields: ['201'],
        sectors: ['high_tech_industry'],
        requirements: 'Kinh nghiệm triển khai BIM cấp dự án; tiếng Anh B2.',
        overseasWelcome: true,
        closesAt: `${year + 1}-01-31`,
      }),
    },
    {
      publish: true,
      body: offer({
        title: 'Học giả thỉnh giảng: kinh tế biển và chuỗi cung ứng',
        kind: 'visiting',
        mode: 'on_site',
        description: 'Hai tuần làm việc với các đơn vị của thành phố, một chuỗi seminar về kinh tế biển.',
        fields: ['502'],
        sectors: ['marine_economy'],
        communeCode: '11329',
        requirements: 'Giáo sư hoặc phó giáo sư, ưu tiên chuyên gia người Việt ở nước ngoài.',
        overseasWelcome: true,
      }),
    },
    {
      publish: true,
      body: offer({
        title: 'Chuyên gia từ xa: dữ liệu và bản đồ số hạ tầng',
        kind: 'remote',
        mode: 'remote',
        description: 'Hỗ trợ từ xa xây dựng cơ sở dữ liệu hạ tầng kỹ thuật đô thị.',
        fields: ['102'],
        sectors: ['information_technology'],
        requirements: 'Kinh nghiệm GIS, cơ sở dữ liệu không gian.',
        overseasWelcome: true,
      }),
    },
    {
      publish: true,
      body: offer({
        title: 'Vị trí nghiên cứu: vật liệu xây dựng xanh',
        kind: 'position',
        mode: 'on_site',
        description: 'Nghiên cứu và thẩm định vật liệu xây dựng thân thiện môi trường.',
        fields: ['201'],
        sectors: ['clean_technology'],
        requirements: 'Thạc sĩ trở lên ngành vật liệu hoặc xây dựng.',
        programId: r53?.id ?? null,
        closesAt: `${year + 1}-06-30`,
      }),
    },
    {
      publish: false,
      body: offer({
        title: 'Tư vấn chính sách nhà ở xã hội (bản nháp)',
        kind: 'short_term',
        mode: 'hybrid',
        fields: ['503'],
        sectors: ['culture_society'],
      }),
    },
  ];
  const ids: string[] = [];
  for (const p of plan) {
    const o = await s.create(asAgency, p.body);
    if (p.publish) await s.setStatus(asAgency, o.id, 'published');
    ids.push(o.id);
  }
  await s.expressInterest(asExpert, ids[0]!, 'Tôi có 10 năm nghiên cứu logistics cảng và sẵn sàng về làm việc tại Hải Phòng.');
  await s.expressInterest(asExpert, ids[2]!, 'Có thể tham gia seminar vào quý II.');
  await s.expressInterest(asExpert, ids[1]!, 'Quan tâm nếu làm việc từ xa được.');
  await s.withdrawInterest(asExpert, ids[1]!);

  // Commitments: the approved demo application (programs demo) started earlier and its first year confirmed.
  const c = m.offers.commitmentsService;
  const existing = (await c.list(asOfficer, { scope: 'manage' })).items.find((x) => x.status === 'active');
  if (existing) {
    const moved = await c.update(asOfficer, existing.id, {
      startDate: `${year - 1}-01-15`,
      employerOrganisationId: agency.organisationId,
      employer: 'Sở Xây dựng Hải Phòng',
      version: existing.version,
    });
    await c.confirm(asAgency, moved.id, {
      year: 1,
      note: 'Đã công tác đủ năm thứ nhất tại Sở Xây dựng; đánh giá hoàn thành tốt nhiệm vụ.',
    });
  }
  // One more approval that ended early.
  if (r53) {
    const apps = m.programs.applicationsService;
    const profiles = await createDemoCurationRepository({ db }).unclaimedProfiles();
    for (let i = profiles.length - 10; i >= 0; i--) {
      const id = await apps
        .create(asOfficer, r53.id, {
          declared: R53_FACTS,
          statement: 'Hồ sơ giấy.',
          profileId: profiles[i]!.id,
          assessmentConsent: true, // the signed consent form is in the paper dossier
        })
        .then((r) => r.id)
        .catch(() => null);
      if (!id) continue;
      await attachDossier(m.programs, asOfficer, id);
      await apps.submit(asOfficer, id);
      await apps.startReview(asOfficer, id);
      await apps.decide(asOfficer, id, { outcome: 'approved', number: '88/QĐ-UBND', date: `${year - 1}-06-01`, reason: '' });
      const ended = (await c.list(asOfficer, { scope: 'manage' })).items.find((x) => x.applicationId === id);
      if (ended)
        await c.exit(asOfficer, ended.id, {
          date: `${year}-02-28`,
          reason: 'Chuyển công tác ra ngoài thành phố theo nguyện vọng cá nhân.',
        });
      break;
    }
  }
  await db.transaction((tx) => meta.setMeta(tx, SEED_KEY, { at: clock().toISOString() }));
  return true;
}
