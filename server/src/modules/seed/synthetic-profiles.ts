import { orcidCheckDigit } from '../profiles/identifiers.js';
import {
  defaultVisibility,
  profileSections,
  type ProfileContent,
  type Visibility,
  type VisibilityLevel,
} from '../profiles/profiles.schemas.js';
import { HAIPHONG_PROVINCE_CODE, readAdminUnits2025 } from '@hpen/db/reference-data';
import { availabilityKinds, type publicationTypes, sectorCodes } from '../reference/reference.data.js';
import { SYNTHETIC_TOPICS, type SyntheticTopic } from './synthetic-topics.js';

/**
 * Realistic, deterministic synthetic experts for demos, tests and benchmarks. Pure and fast
 * (a small PRNG; only the administrative map is read, once): 100 000 profiles take a couple of seconds. The same seed always
 * gives the same people.
 */

/** The 2025 map (db/reference/admin-units-2025), read once: a synthetic location names real units. */
const ADMIN = (() => {
  const units = readAdminUnits2025();
  const hp = units.filter((u) => u.level === 'commune' && u.provinceCode === HAIPHONG_PROVINCE_CODE);
  return {
    haiphongCommunes: hp.filter((u) => !u.formerProvince).map((u) => u.code),
    formerHaiDuongCommunes: hp.filter((u) => u.formerProvince).map((u) => u.code),
    otherProvinces: units.filter((u) => u.level === 'province' && u.code !== HAIPHONG_PROVINCE_CODE).map((u) => u.code),
  };
})();

/** mulberry32: 32-bit state, good enough for test data, much faster than crypto. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  /** Picks by weight: [[value, weight], …]. */
  const weighted = <T>(items: ReadonlyArray<readonly [T, number]>): T => {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [value, w] of items) {
      r -= w;
      if (r < 0) return value;
    }
    return items[items.length - 1]![0];
  };
  const some = <T>(items: readonly T[], min: number, max: number): T[] => {
    const count = Math.min(items.length, int(min, max));
    const pool = [...items];
    const out: T[] = [];
    for (let i = 0; i < count; i++) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
    return out;
  };
  const chance = (p: number) => next() < p;
  const hex = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(next() * 16).toString(16);
    return s;
  };
  /** A v4-shaped UUID from the PRNG, so item ids are deterministic too. */
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  return { next, int, pick, weighted, some, chance, uuid };
}

// Surname shares after the common estimates (Nguyễn ≈ 38 %, Trần ≈ 11 %, Lê ≈ 9.5 %, …).
const SURNAMES = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Phan', 4.5],
  ['Vũ', 4],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đào', 0.8],
  ['Đinh', 0.8],
  ['Lương', 0.5],
  ['Trịnh', 0.5],
  ['Mai', 0.4],
  ['Tô', 0.3],
  ['Cao', 0.4],
  ['Vương', 0.2],
  ['Lưu', 0.3],
  ['Đoàn', 0.5],
] as const;
const MIDDLE_MALE = [
  'Văn',
  'Đức',
  'Minh',
  'Quang',
  'Hữu',
  'Xuân',
  'Thanh',
  'Công',
  'Mạnh',
  'Tiến',
  'Ngọc',
  'Quốc',
  'Trọng',
  'Việt',
] as const;
const MIDDLE_FEMALE = ['Thị', 'Thu', 'Thanh', 'Ngọc', 'Minh', 'Thùy', 'Phương', 'Hồng', 'Kim', 'Mai', 'Diệu', 'Bích'] as const;
const GIVEN_MALE = [
  'Hải',
  'Hùng',
  'Dũng',
  'Tuấn',
  'Minh',
  'Nam',
  'Long',
  'Sơn',
  'Thắng',
  'Cường',
  'Hưng',
  'Trung',
  'Quân',
  'Phong',
  'Khánh',
  'Bình',
  'Đạt',
  'Hiếu',
  'Thành',
  'Tùng',
  'Vinh',
  'Lâm',
  'Huy',
  'Kiên',
  'Toàn',
  'Quyết',
  'Thịnh',
  'Nghĩa',
  'Phúc',
  'Đông',
] as const;
const GIVEN_FEMALE = [
  'Lan',
  'Hương',
  'Hà',
  'Linh',
  'Trang',
  'Ngọc',
  'Huyền',
  'Thảo',
  'Hạnh',
  'Mai',
  'Nga',
  'Yến',
  'Thủy',
  'Hoa',
  'Oanh',
  'Phương',
  'Quyên',
  'Giang',
  'Vân',
  'Dung',
  'Loan',
  'Nhung',
  'Hằng',
  'Liên',
  'Thơ',
  'Châm',
  'Tâm',
  'Uyên',
  'Diệp',
  'Anh',
] as const;

const DEGREES = [
  ['TS', 40],
  ['ThS', 35],
  ['TSKH', 2],
  ['CKII', 5],
  ['CKI', 4],
  ['BSNT', 2],
  ['DH', 12],
] as const;

const VN_INSTITUTIONS = [
  'Trường Đại học Hàng hải Việt Nam',
  'Trường Đại học Hải Phòng',
  'Trường Đại học Y Dược Hải Phòng',
  'Đại học Bách khoa Hà Nội',
  'Trường Đại học Kinh tế Quốc dân',
  'Đại học Quốc gia Hà Nội',
  'Đại học Quốc gia TP. Hồ Chí Minh',
  'Trường Đại học Xây dựng Hà Nội',
  'Học viện Nông nghiệp Việt Nam',
  'Trường Đại học Ngoại thương',
  'Viện Hàn lâm Khoa học và Công nghệ Việt Nam',
  'Trường Đại học Y Hà Nội',
] as const;
const FOREIGN_INSTITUTIONS = [
  ['University of Antwerp', 'BE'],
  ['Delft University of Technology', 'NL'],
  ['Kobe University', 'JP'],
  ['Tokyo University of Marine Science and Technology', 'JP'],
  ['Korea Maritime and Ocean University', 'KR'],
  ['Université de Nantes', 'FR'],
  ['University of Melbourne', 'AU'],
  ['Shanghai Maritime University', 'CN'],
  ['Technische Universität Hamburg', 'DE'],
  ['University of Southampton', 'GB'],
  ['Moscow State University', 'RU'],
  ['Asian Institute of Technology', 'TH'],
  ['National University of Singapore', 'SG'],
  ['University of Washington', 'US'],
] as const;
const EMPLOYERS = [
  'Trường Đại học Hàng hải Việt Nam',
  'Trường Đại học Hải Phòng',
  'Trường Đại học Y Dược Hải Phòng',
  'Bệnh viện Hữu nghị Việt Tiệp',
  'Cảng Hải Phòng',
  'Sở Khoa học và Công nghệ Hải Phòng',
  'Viện Tài nguyên và Môi trường biển',
  'Công ty Đóng tàu Phà Rừng',
  'Tổng công ty Hàng hải Việt Nam',
  'Bệnh viện Trẻ em Hải Phòng',
  'Trường Cao đẳng Kỹ thuật Công nghiệp Hải Phòng',
  'VinFast',
] as const;
const POSITION_TITLES = [
  'Giảng viên',
  'Giảng viên chính',
  'Trưởng bộ môn',
  'Phó Trưởng khoa',
  'Trưởng khoa',
  'Nghiên cứu viên',
  'Nghiên cứu viên chính',
  'Bác sĩ',
  'Trưởng phòng',
  'Kỹ sư trưởng',
  'Giám đốc',
] as const;
const STUDY_FIELDS = [
  'Khoa học hàng hải',
  'Kinh tế vận tải biển',
  'Kỹ thuật tàu thủy',
  'Công nghệ thông tin',
  'Quản trị kinh doanh',
  'Y học',
  'Kỹ thuật môi trường',
  'Nuôi trồng thủy sản',
  'Kỹ thuật xây dựng công trình thủy',
  'Tài chính – Ngân hàng',
  'Du lịch',
  'Điện tự động hóa',
] as const;
const VENUES = [
  'Maritime Policy & Management',
  'Ocean Engineering',
  'Journal of Navigation',
  'Tạp chí Khoa học Công nghệ Hàng hải',
  'Tạp chí Y học Việt Nam',
  'Tạp chí Kinh tế và Phát triển',
  'Marine Pollution Bulletin',
  'IEEE Access',
  'Sustainability',
  'Transport Policy',
  'Aquaculture',
] as const;
const LANGUAGES = [
  ['en', 60],
  ['fr', 6],
  ['ru', 8],
  ['ja', 5],
  ['zh', 6],
  ['ko', 4],
  ['de', 4],
] as const;
const LEVELS = ['B1', 'B2', 'B2', 'C1', 'C1', 'C2'] as const;
const COUNTRIES_ABROAD = ['JP', 'KR', 'FR', 'DE', 'AU', 'US', 'GB', 'SG', 'CA', 'RU'] as const;
const VISIBILITY_LEVELS: VisibilityLevel[] = ['public', 'agencies', 'private'];

export interface GeneratedProfile {
  content: ProfileContent;
  visibility: Visibility;
  /** The true topics (ids of SYNTHETIC_TOPICS), the main one first: ground truth for the relevance benchmark. */
  topics: string[];
}

export interface GeneratorOptions {
  seed: number;
  /** Taxonomy codes experts may choose (sub-fields of the classification). */
  fieldCodes: readonly string[];
  /** Year "now", so output does not drift with the calendar. */
  currentYear?: number;
  /** Share of profiles that change some section visibilities away from the defaults (0..1). */
  visibilityVariation?: number;
}

function asciiSlug(s: string) {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

function orcidFor(n: number): string {
  const base = (1_000_000_000 + (n % 8_999_999_999)).toString().padStart(15, '0').slice(-15);
  const digits = `000${base}`.slice(-15);
  const full = digits + orcidCheckDigit(digits);
  return full.replace(/(.{4})(?=.)/g, '$1-');
}

export function createProfileGenerator(options: GeneratorOptions) {
  const r = prng(options.seed);
  const currentYear = options.currentYear ?? 2026;
  const variation = options.visibilityVariation ?? 0.3;
  if (options.fieldCodes.length === 0) throw new Error('the generator needs taxonomy field codes');
  let serial = 0;

  return function next(): GeneratedProfile {
    serial += 1;
    const topics = pickTopics();
    const main = topics[0]!;
    const female = r.chance(0.42);
    const surname = r.weighted(SURNAMES);
    const middle = r.pick(female ? MIDDLE_FEMALE : MIDDLE_MALE);
    const given = r.pick(female ? GIVEN_FEMALE : GIVEN_MALE);
    const fullName = `${surname} ${middle} ${given}`;
    const birthYear = r.int(1950, 1995);
    const highestDegree = r.weighted(DEGREES);
    const senior = highestDegree === 'TS' || highestDegree === 'TSKH';
    const academicTitle =
      senior && birthYear < 1985
        ? r.weighted([
            ['GS', 1],
            ['PGS', 5],
            [null, 12],
          ] as const)
        : null;

    const education: ProfileContent['education'] = [];
    const bachelorYear = birthYear + r.int(21, 24);
    education.push({
      id: r.uuid(),
      degree: 'DH',
      // Half studied what they now work on; the rest came to it from elsewhere.
      field: r.chance(0.5) ? main.study : r.pick(STUDY_FIELDS),
      institution: r.pick(VN_INSTITUTIONS),
      country: 'VN',
      year: bachelorYear,
      trainedAbroad: false,
      honours: r.weighted([
        ['xuat_sac', 1],
        ['gioi', 4],
        ['kha', 6],
        ['none', 4],
      ] as const),
    });
    if (highestDegree !== 'DH') {
      const abroad = r.chance(0.35);
      const [institution, country] = abroad ? r.pick(FOREIGN_INSTITUTIONS) : [r.pick(VN_INSTITUTIONS), 'VN'];
      const year = Math.min(currentYear, bachelorYear + r.int(3, 12));
      education.push({
        id: r.uuid(),
        degree: highestDegree,
        field: r.chance(0.8) ? main.study : r.pick(STUDY_FIELDS),
        institution,
        country,
        year,
        trainedAbroad: abroad,
        honours: 'none',
      });
    }

    const fields = fieldsFor(topics).map((code, i) => ({ code, primary: i === 0 }));
    const sectors = [...new Set([...topics.flatMap((topic) => topic.sectors), ...(r.chance(0.15) ? [r.pick(sectorCodes)] : [])])];
    const keywords = [...new Set(topics.flatMap((topic, i) => r.some(topic.vi, i === 0 ? 1 : 0, i === 0 ? 3 : 1)))];
    const anyKeyword = () => r.pick(keywords);

    const careerStart = Math.min(currentYear, bachelorYear + 1);
    const positions: ProfileContent['positions'] = [];
    let from = careerStart;
    const positionCount = r.int(1, 3);
    for (let i = 0; i < positionCount && from <= currentYear; i++) {
      const last = i === positionCount - 1;
      const to = last ? null : Math.min(currentYear, from + r.int(3, 12));
      positions.push({ id: r.uuid(), title: r.pick(POSITION_TITLES), organisation: r.pick(EMPLOYERS), from, to, current: last });
      from = (to ?? currentYear) + 1;
    }

    const languages: ProfileContent['languages'] = [{ code: 'vi', level: 'native' }];
    for (const code of new Set([r.weighted(LANGUAGES), ...(r.chance(0.25) ? [r.weighted(LANGUAGES)] : [])])) {
      languages.push({ code, level: r.pick(LEVELS) });
    }

    const publicationCount = senior ? r.int(2, 12) : r.int(0, 4);
    const publications: ProfileContent['publications'] = [];
    for (let i = 0; i < publicationCount; i++) {
      const topic = r.pick(r.pick(topics).en);
      const year = r.int(Math.min(careerStart, currentYear), currentYear);
      publications.push({
        id: r.uuid(),
        title: `${r.pick(['A study of', 'Towards', 'Modelling', 'An assessment of', 'Improving', 'Evidence on'])} ${topic} in ${r.pick(['Hai Phong', 'Northern Vietnam', 'the Red River Delta', 'Vietnamese seaports', 'Southeast Asia'])} (${serial}.${i})`,
        authors: fullName,
        venue: r.pick(VENUES),
        year,
        type: r.weighted([
          ['journal_article', 6],
          ['conference_paper', 3],
          ['book_chapter', 1],
          ['report', 1],
        ] as const) satisfies (typeof publicationTypes)[number],
        doi: r.chance(0.6) ? `10.${r.int(1000, 9999)}/hpen.${serial}.${i}` : null,
      });
    }

    const projects: ProfileContent['projects'] =
      senior && r.chance(0.6)
        ? [
            {
              id: r.uuid(),
              title: `Nghiên cứu ${anyKeyword()} phục vụ phát triển thành phố Hải Phòng`,
              role: r.pick(['Chủ nhiệm', 'Thành viên', 'Thư ký khoa học']),
              funder: r.pick(['Sở KH&CN Hải Phòng', 'Bộ KH&CN', 'NAFOSTED']),
              level: r.pick(['city', 'ministry', 'national'] as const),
              from: currentYear - r.int(2, 8),
              to: currentYear - r.int(0, 1),
            },
          ]
        : [];
    const awards: ProfileContent['awards'] = r.chance(0.15)
      ? [
          {
            id: r.uuid(),
            title: r.pick([
              'Giải thưởng Sáng tạo Khoa học Công nghệ Việt Nam',
              'Bằng khen của UBND thành phố Hải Phòng',
              'Giải thưởng Hải Phòng về KH&CN',
            ]),
            issuer: '',
            year: r.int(Math.min(careerStart, currentYear), currentYear),
          },
        ]
      : [];
    const patents: ProfileContent['patents'] = r.chance(0.05)
      ? [
          {
            id: r.uuid(),
            title: `Thiết bị ${anyKeyword()}`,
            number: `1-${r.int(1000, 9999)}`,
            country: 'VN',
            year: r.int(2005, currentYear),
          },
        ]
      : [];

    const location: ProfileContent['location'] = r.weighted([
      [{ kind: 'haiphong', commune: r.pick(ADMIN.haiphongCommunes) }, 45],
      // Hải Dương was merged into Hải Phòng in 2025: its former communes are part of the city now.
      [{ kind: 'haiphong', commune: r.pick(ADMIN.formerHaiDuongCommunes) }, 25],
      [{ kind: 'vietnam', province: r.pick(ADMIN.otherProvinces), commune: null }, 20],
      [{ kind: 'overseas', country: r.pick(COUNTRIES_ABROAD) }, 10],
    ] as const);

    const emailUser = asciiSlug(`${given} ${surname} ${middle}`);
    const content: ProfileContent = {
      fullName,
      academicTitle,
      highestDegree,
      orcid: r.chance(0.35) ? orcidFor(serial * 7919 + options.seed) : null,
      birthYear,
      gender: female ? 'female' : 'male',
      contact: { email: `${emailUser}.${serial}@example.vn`, phone: `+84 9${r.int(10, 99)} ${r.int(100, 999)} ${r.int(100, 999)}` },
      bio: {
        vi: bioVi({ fullName, given, female, keywords, position: positions.at(-1) }),
        en: r.chance(0.6)
          ? `Works on ${topics.map((topic) => r.pick(topic.en)).join(' and ')}, with applications to Hai Phong's development.`
          : '',
      },
      fields,
      keywords,
      sectors,
      education,
      positions,
      languages,
      publications,
      patents,
      projects,
      awards,
      location,
      availability: {
        kinds: r.some(availabilityKinds, 0, 3),
        modes: r.some(['remote', 'in_person'] as const, 1, 2),
        note: '',
      },
      completedReviews: [],
    };

    const visibility: Visibility = { ...defaultVisibility };
    if (r.chance(variation)) {
      for (const section of r.some(
        // completedReviews is left out so that a seed still gives the profiles it gave before that section.
        profileSections.filter((s) => s !== 'identity' && s !== 'completedReviews'),
        1,
        4,
      ))
        visibility[section] = r.pick(VISIBILITY_LEVELS);
    }
    return { content, visibility, topics: topics.map((topic) => topic.id) };
  };

  /** One main topic; often one or two more. */
  function pickTopics(): SyntheticTopic[] {
    const count = r.weighted([
      [1, 4],
      [2, 4],
      [3, 2],
    ] as const);
    return r.some(SYNTHETIC_TOPICS, count, count);
  }

  /** Codes of the topics that the taxonomy offers, the main topic's first; any code when none is offered. */
  function fieldsFor(topics: readonly SyntheticTopic[]): string[] {
    const offered = new Set(options.fieldCodes);
    const codes = [...new Set(topics.flatMap((topic) => topic.fields).filter((code) => offered.has(code)))].slice(0, 3);
    return codes.length ? codes : [r.pick(options.fieldCodes)];
  }

  /** Real bios name their subject, often twice: the relevance benchmark must not reward that. */
  function bioVi(p: {
    fullName: string;
    given: string;
    female: boolean;
    keywords: string[];
    position?: { title: string; organisation: string };
  }) {
    const work = p.position ? `${p.position.title} tại ${p.position.organisation}` : 'nhà nghiên cứu độc lập';
    const topicsText = p.keywords.join(', ');
    return r.weighted([
      [
        `${p.fullName} hiện là ${work}. Hướng nghiên cứu chính: ${topicsText}. ${p.female ? 'Bà' : 'Ông'} ${p.given} đã tham gia nhiều đề tài phục vụ phát triển kinh tế – xã hội Hải Phòng.`,
        4,
      ],
      [`Nghiên cứu về ${topicsText}; quan tâm đến ứng dụng kết quả nghiên cứu cho phát triển thành phố Hải Phòng.`, 3],
      [`${work}. Lĩnh vực quan tâm: ${topicsText}.`, 2],
    ] as const);
  }
}
