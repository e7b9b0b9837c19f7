import type { Database } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import type { AwardsModule } from '../awards/awards.module.js';
import type { AwardDefinitionInput } from '../awards/awards.schemas.js';
import { createDemoActorsRepository, createDemoCurationRepository, createSeedRepository } from './seed.repository.js';

const SEED_KEY = 'demo_awards';
const DAY = 86_400_000;

const basis351 = {
  document: 'Quyết định 351/2016/QĐ-UBND ngày 07/03/2016 của UBND thành phố Hải Phòng',
  article: 'Quy định về giải thưởng khoa học và công nghệ trên địa bàn thành phố',
  link: 'https://haiphong.gov.vn/tin-tuc-su-kien/To-chuc-xet-tang-Giai-thuong-Nguyen-Binh-Khiem-va-Giai-thuong-Thanh-pho-ve-khoa-hoc-va-cong-nghe-nam-2021-57609.html',
  certainty: 'V' as const,
};

/** The City Prize on S&T as data: three councils (base, specialised, city) as in the 2016 and 2021 rounds; criteria weights are [U]. */
export const cityPrizeDefinition: AwardDefinitionInput = {
  organiser: 'Sở Khoa học và Công nghệ Hải Phòng',
  legalBasis: [
    basis351,
    {
      document: 'Nghị định 18/2024/NĐ-CP',
      article: 'Điều 23, 24 (giải thưởng của bộ, ngành, địa phương)',
      link: 'http://hethongphapluat.vn/nghi-dinh-18-2024-nd-cp-ve-giai-thuong-ho-chi-minh-giai-thuong-nha-nuoc-va-cac-giai-thuong-khac-ve-khoa-hoc-va-cong-nghe/dieu-3/khoan-2',
      certainty: 'V',
    },
  ],
  nominators: ['agency', 'organisation', 'association', 'self'],
  prizeLevels: [
    { code: 'first', titleVi: 'Giải Nhất', titleEn: 'First prize' },
    { code: 'second', titleVi: 'Giải Nhì', titleEn: 'Second prize' },
    { code: 'third', titleVi: 'Giải Ba', titleEn: 'Third prize' },
  ],
  categories: [
    {
      code: 'natural',
      titleVi: 'Khoa học tự nhiên và kỹ thuật',
      titleEn: 'Natural sciences and engineering',
      caps: { first: 1, second: 2, third: 3 },
    },
    {
      code: 'social',
      titleVi: 'Khoa học xã hội và nhân văn',
      titleEn: 'Social sciences and humanities',
      caps: { first: 1, second: 2, third: 3 },
    },
    {
      code: 'applied',
      titleVi: 'Ứng dụng và chuyển giao công nghệ',
      titleEn: 'Application and technology transfer',
      caps: { first: 1, second: 2, third: 3 },
    },
  ],
  criteria: [
    { code: 'novelty', titleVi: 'Tính mới, tính sáng tạo', titleEn: 'Novelty and creativity', weight: 30, min: 0, max: 10 },
    { code: 'value', titleVi: 'Giá trị khoa học', titleEn: 'Scientific value', weight: 30, min: 0, max: 10 },
    {
      code: 'effect',
      titleVi: 'Hiệu quả ứng dụng, đóng góp cho thành phố',
      titleEn: 'Effect of application for the city',
      weight: 40,
      min: 0,
      max: 10,
    },
  ],
  phases: [
    {
      n: 1,
      nameVi: 'Hội đồng cấp cơ sở',
      nameEn: 'Base council',
      method: 'mean_score',
      threshold: 70,
      rulesCode: 'council-3-4',
      ballot: 'secret',
    },
    {
      n: 2,
      nameVi: 'Hội đồng chuyên ngành cấp thành phố',
      nameEn: 'City specialised council',
      method: 'ballot',
      threshold: null,
      rulesCode: 'council-3-4',
      ballot: 'secret',
    },
    {
      n: 3,
      nameVi: 'Hội đồng cấp thành phố',
      nameEn: 'City council',
      method: 'ballot',
      threshold: null,
      rulesCode: 'council-3-4',
      ballot: 'signed',
    },
  ],
  eligibility: {
    schemaVersion: 1,
    requirements: {
      id: 'results',
      kind: 'any',
      label: { vi: 'Có kết quả công bố hoặc sở hữu trí tuệ', en: 'Published results or intellectual property' },
      source: { ref: 'Nghị định 18/2024/NĐ-CP, Điều 23', certainty: 'P' },
      toConfirm: true,
      of: [
        { id: 'publications', kind: 'publications', min: 1, label: { vi: 'Ít nhất 1 công bố', en: 'At least 1 publication' } },
        { id: 'patents', kind: 'patents', min: 1, label: { vi: 'Ít nhất 1 bằng sáng chế/giải pháp hữu ích', en: 'At least 1 patent' } },
      ],
    },
    groups: [],
    declaredFacts: [],
  },
};

export const nbkPrizeDefinition: AwardDefinitionInput = {
  ...cityPrizeDefinition,
  prizeLevels: [{ code: 'prize', titleVi: 'Giải thưởng', titleEn: 'Prize' }],
  categories: [
    { code: 'science', titleVi: 'Khoa học và công nghệ', titleEn: 'Science and technology', caps: { prize: 3 } },
    { code: 'arts', titleVi: 'Văn học nghệ thuật', titleEn: 'Literature and arts', caps: { prize: 3 } },
  ],
  legalBasis: [
    basis351,
    {
      document: 'Quyết định 2992/QĐ-UB ngày 26/10/2001',
      article: 'Quy chế Giải thưởng Nguyễn Bỉnh Khiêm',
      link: 'http://vinabase.com/V%C4%83n-b%E1%BA%A3n-ph%C3%A1p-lu%E1%BA%ADt/Quy%E1%BA%BFt-%C4%91%E1%BB%8Bnh-2992%2FQ%C4%90%7EUB',
      certainty: 'V',
    },
  ],
};

type Actor = NonNullable<Awaited<ReturnType<ReturnType<typeof createDemoActorsRepository>['actor']>>>;
const asCtx = (a: Actor): RequestContext => ({
  actor: { userId: a.userId, role: a.role, organisationId: a.organisationId, sessionId: 'demo-seed' },
  ip: null,
  userAgent: 'demo seed',
  requestId: null,
});
const scores = { novelty: 9, value: 8, effect: 9 };

/**
 * Seeds two awards once per database, through the services: the City Prize on S&T with a finished
 * round (all three councils, decision, published: the honour roll is filled), and the Nguyễn Bỉnh
 * Khiêm Prize with an open round holding nominations in several states. The demo expert chairs the councils.
 */
export async function seedDemoAwards(db: Database, m: AwardsModule, clock: () => Date = () => new Date()) {
  const meta = createSeedRepository({ db });
  if (await meta.getMeta(SEED_KEY)) return false;
  const actors = createDemoActorsRepository({ db });
  const [officer, expert] = await Promise.all([actors.actor('officer@demo.local'), actors.actor('expert@demo.local')]);
  if (!officer || !expert?.profileId) return false;
  await m.ensureReferenceData();
  const pool = (await createDemoCurationRepository({ db }).unclaimedProfiles()).slice(0, 12);
  if (pool.length < 8) return false;
  const asOfficer = asCtx(officer);
  const asExpert = asCtx(expert);
  const now = clock().getTime();
  const iso = (days: number) => new Date(now + days * DAY).toISOString();
  const nominee = (i: number) => ({ profileId: pool[i]!.id, name: pool[i]!.fullName, organisation: '' });

  // Finished round.
  const city = await m.catalogService.createAward(asOfficer, {
    code: 'hp-st-city-prize',
    titleVi: 'Giải thưởng Thành phố Hải Phòng về Khoa học và Công nghệ',
    titleEn: 'Hai Phong City Prize on Science and Technology',
    definition: cityPrizeDefinition,
  });
  const year = new Date(now).getUTCFullYear() - 1;
  const done = await m.catalogService.createRound(asOfficer, city.id, {
    year,
    planReference: `Kế hoạch số 64/KH-UBND (mẫu) năm ${year}`,
    nominationOpensAt: iso(-1),
    nominationClosesAt: iso(1),
    phases: [1, 2, 3].map((n) => ({ n, startsAt: iso(-1), endsAt: iso(1) })),
  });
  const works = [
    { title: 'Quy trình nuôi tôm thẻ chân trắng tuần hoàn tiết kiệm nước vùng ven biển Hải Phòng', cat: 'applied', who: [0, 1] },
    { title: 'Mô hình dự báo bồi lắng luồng tàu Lạch Huyện', cat: 'natural', who: [2] },
    { title: 'Lịch sử cảng Hải Phòng 1874–2024', cat: 'social', who: [3] },
  ];
  const ids: string[] = [];
  for (const w of works) {
    const { id } = await m.nominationsService.create(asOfficer, city.id, done.id, {
      nominatorKind: 'agency',
      category: w.cat,
      team: w.who.length > 1 ? 'Nhóm tác giả' : '',
      nominees: w.who.map(nominee),
      work: {
        title: w.title,
        summary: `${w.title}: kết quả đã được ứng dụng tại Hải Phòng.`,
        evidence: [{ kind: 'publication', reference: 'Tạp chí Khoa học và Công nghệ Việt Nam' }],
      },
    });
    await m.nominationsService.submit(asOfficer, id);
    await m.nominationsService.decideEligibility(asOfficer, id, { eligible: true, reason: '' });
    ids.push(id);
  }
  for (const phase of [1, 2, 3]) {
    const chair = await m.councilService.addMember(asOfficer, city.id, done.id, {
      phase,
      profileId: expert.profileId,
      role: 'chair',
      independent: false,
    });
    const secretary = await m.councilService.addMember(asOfficer, city.id, done.id, {
      phase,
      profileId: pool[8 + (phase % 3)]!.id,
      role: 'secretary',
      independent: false,
    });
    const started = await m.councilService.startPhase(asOfficer, city.id, done.id, phase);
    await m.sessionService.attendance(asOfficer, city.id, done.id, phase, [chair.id, secretary.id]);
    for (const { nominationId } of started.items) {
      if (phase === 1)
        await m.councilService.saveScore(asExpert, nominationId, {
          scores,
          review: { summary: 'Công trình có giá trị, đã ứng dụng hiệu quả.', strengths: 'Hiệu quả thực tiễn', weaknesses: '' },
        });
      else await m.councilService.vote(asExpert, nominationId, 'yes');
    }
    await m.sessionService.closePhase(asOfficer, city.id, done.id, phase);
  }
  await m.sessionService.decide(asOfficer, city.id, done.id, {
    number: `125/QĐ-UBND`,
    date: iso(-1).slice(0, 10),
    signer: 'Chủ tịch UBND thành phố Hải Phòng',
    publishAt: iso(-1 / 24),
    awarded: ids.map((nominationId, i) => ({ nominationId, prizeLevel: i === 0 ? 'first' : 'second' })),
  });
  await m.catalogService.updateRound(asOfficer, city.id, done.id, {
    nominationOpensAt: `${year}-04-15T00:00:00+07:00`,
    nominationClosesAt: `${year}-06-10T00:00:00+07:00`,
    phases: [
      { n: 1, startsAt: `${year}-04-15T00:00:00+07:00`, endsAt: `${year}-06-10T00:00:00+07:00` },
      { n: 2, startsAt: `${year}-06-11T00:00:00+07:00`, endsAt: `${year}-07-11T00:00:00+07:00` },
      { n: 3, startsAt: `${year}-07-12T00:00:00+07:00`, endsAt: `${year}-08-12T00:00:00+07:00` },
    ],
  });

  // Open round with nominations in several states.
  const nbk = await m.catalogService.createAward(asOfficer, {
    code: 'hp-nguyen-binh-khiem',
    titleVi: 'Giải thưởng Nguyễn Bỉnh Khiêm',
    titleEn: 'Nguyễn Bỉnh Khiêm Prize',
    definition: nbkPrizeDefinition,
  });
  const open = await m.catalogService.createRound(asOfficer, nbk.id, {
    year: year + 1,
    planReference: `Kế hoạch xét tặng Giải thưởng Nguyễn Bỉnh Khiêm năm ${year + 1}`,
    nominationOpensAt: iso(-10),
    nominationClosesAt: iso(45),
    phases: [
      { n: 1, startsAt: iso(-10), endsAt: iso(60) },
      { n: 2, startsAt: iso(61), endsAt: iso(90) },
      { n: 3, startsAt: iso(91), endsAt: iso(120) },
    ],
  });
  const plan = [
    { title: 'Vật liệu composite cho vỏ tàu cỡ nhỏ', stop: 'in_phase', i: 4 },
    { title: 'Hệ thống cảnh báo ngập úng đô thị Hải Phòng', stop: 'in_phase', i: 5 },
    { title: 'Giống lúa chịu mặn HP-12', stop: 'eligible', i: 6 },
    { title: 'Bộ sưu tập dân ca vùng biển Đồ Sơn', stop: 'ineligible', i: 7 },
    { title: 'Phần mềm quản lý cảng cạn', stop: 'submitted', i: 4 },
    { title: 'Nghiên cứu san hô Cát Bà', stop: 'withdrawn', i: 5 },
    { title: 'Bản đồ số di sản Hải Phòng', stop: 'draft', i: 6 },
  ] as const;
  for (const p of plan) {
    const { id } = await m.nominationsService.create(asOfficer, nbk.id, open.id, {
      nominatorKind: 'organisation',
      category: p.title.includes('dân ca') || p.title.includes('di sản') ? 'arts' : 'science',
      team: '',
      nominees: [nominee(p.i)],
      work: { title: p.title, summary: `${p.title}.`, evidence: [{ kind: 'document', reference: 'Báo cáo tổng kết công trình' }] },
    });
    if (p.stop === 'draft') continue;
    if (p.stop === 'withdrawn') {
      await m.nominationsService.withdraw(asOfficer, id);
      continue;
    }
    await m.nominationsService.submit(asOfficer, id);
    if (p.stop === 'submitted') continue;
    await m.nominationsService.decideEligibility(
      asOfficer,
      id,
      p.stop === 'ineligible' ? { eligible: false, reason: 'Công trình chưa được ứng dụng tại Hải Phòng' } : { eligible: true, reason: '' },
    );
    // Phase 1 starts once the first two are eligible; the later one stays eligible, waiting.
    if (p.title === plan[1].title) {
      await m.councilService.addMember(asOfficer, nbk.id, open.id, {
        phase: 1,
        profileId: expert.profileId,
        role: 'chair',
        independent: false,
      });
      await m.councilService.addMember(asOfficer, nbk.id, open.id, {
        phase: 1,
        profileId: pool[10]!.id,
        role: 'secretary',
        independent: false,
      });
      await m.councilService.startPhase(asOfficer, nbk.id, open.id, 1);
    }
  }
  await db.transaction((tx) => meta.setMeta(tx, SEED_KEY, { at: clock().toISOString() }));
  return true;
}
