/**
 * Small reference lists that change with law, not with users. Pure data: web/ imports it.
 * The S&T field taxonomy is larger and versioned, so it lives in the database (reference_fields).
 */

export const academicTitles = ['GS', 'PGS'] as const;
export type AcademicTitle = (typeof academicTitles)[number];

/** Highest degrees, from the top; `rank` orders them for eligibility rules. */
export const degrees = [
  { code: 'TSKH', rank: 7, vi: 'Tiến sĩ khoa học', en: 'Doctor of Science' },
  { code: 'TS', rank: 6, vi: 'Tiến sĩ', en: 'Doctor (PhD)' },
  { code: 'CKII', rank: 5, vi: 'Bác sĩ/Dược sĩ chuyên khoa II', en: 'Specialist level II' },
  { code: 'ThS', rank: 4, vi: 'Thạc sĩ', en: 'Master' },
  { code: 'BSNT', rank: 4, vi: 'Bác sĩ nội trú', en: 'Resident doctor' },
  { code: 'CKI', rank: 4, vi: 'Bác sĩ/Dược sĩ chuyên khoa I', en: 'Specialist level I' },
  { code: 'DH', rank: 3, vi: 'Đại học (Cử nhân, Kỹ sư, Bác sĩ…)', en: 'Bachelor (BA, BSc, engineer, MD…)' },
  { code: 'CD', rank: 2, vi: 'Cao đẳng', en: 'College diploma' },
  { code: 'other', rank: 1, vi: 'Khác', en: 'Other' },
] as const;
export const degreeCodes = degrees.map((d) => d.code) as [DegreeCode, ...DegreeCode[]];
export type DegreeCode = (typeof degrees)[number]['code'];

/** Priority sectors of Plan 09/KH-UBND II.2i, plus health (III.6), education (III.5) and IT (III.8c). */
export const prioritySectors = [
  { code: 'seaport', vi: 'Dịch vụ cảng biển', en: 'Seaport services' },
  { code: 'airport', vi: 'Sân bay, hàng không', en: 'Airport and aviation' },
  { code: 'tourism', vi: 'Du lịch', en: 'Tourism' },
  { code: 'marine_economy', vi: 'Kinh tế biển và vận tải biển', en: 'Marine economy and maritime transport' },
  { code: 'logistics', vi: 'Logistics', en: 'Logistics' },
  { code: 'finance', vi: 'Tài chính', en: 'Finance' },
  { code: 'import_export', vi: 'Xuất nhập khẩu', en: 'Import and export' },
  { code: 'high_tech_industry', vi: 'Công nghiệp trọng điểm, công nghệ cao', en: 'Key and high-tech industries' },
  { code: 'clean_technology', vi: 'Công nghệ sạch, thân thiện môi trường', en: 'Clean, environment-friendly technology' },
  { code: 'ecological_agriculture', vi: 'Nông nghiệp sinh thái', en: 'Ecological agriculture' },
  { code: 'culture_society', vi: 'Văn hóa – xã hội mang bản sắc Hải Phòng', en: 'Culture and society with Hai Phong identity' },
  { code: 'health', vi: 'Y tế', en: 'Health' },
  { code: 'education', vi: 'Giáo dục và đào tạo', en: 'Education and training' },
  { code: 'information_technology', vi: 'Công nghệ thông tin', en: 'Information technology' },
] as const;
export type SectorCode = (typeof prioritySectors)[number]['code'];
export const sectorCodes = prioritySectors.map((s) => s.code) as [SectorCode, ...SectorCode[]];

/**
 * Hải Phòng's districts as named in Plan 09 (2020), abolished on 1 July 2025 (two-level local
 * government). Kept only to read old values: stored or imported ones move to the 2025 map
 * (legacy-location.ts, db/reference/haiphong-districts-2025-mapping.csv).
 */
export const haiPhongDistricts = [
  { code: 'hong-bang', vi: 'Hồng Bàng', en: 'Hong Bang' },
  { code: 'ngo-quyen', vi: 'Ngô Quyền', en: 'Ngo Quyen' },
  { code: 'le-chan', vi: 'Lê Chân', en: 'Le Chan' },
  { code: 'hai-an', vi: 'Hải An', en: 'Hai An' },
  { code: 'kien-an', vi: 'Kiến An', en: 'Kien An' },
  { code: 'do-son', vi: 'Đồ Sơn', en: 'Do Son' },
  { code: 'duong-kinh', vi: 'Dương Kinh', en: 'Duong Kinh' },
  { code: 'thuy-nguyen', vi: 'Thủy Nguyên', en: 'Thuy Nguyen' },
  { code: 'an-duong', vi: 'An Dương', en: 'An Duong' },
  { code: 'an-lao', vi: 'An Lão', en: 'An Lao' },
  { code: 'kien-thuy', vi: 'Kiến Thụy', en: 'Kien Thuy' },
  { code: 'tien-lang', vi: 'Tiên Lãng', en: 'Tien Lang' },
  { code: 'vinh-bao', vi: 'Vĩnh Bảo', en: 'Vinh Bao' },
  { code: 'cat-hai', vi: 'Cát Hải', en: 'Cat Hai' },
  { code: 'bach-long-vi', vi: 'Bạch Long Vĩ', en: 'Bach Long Vi' },
] as const;

/** Provinces and communes (the 2025 map) are versioned reference data in the database: see admin-units.ts. */

export const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;
export type CefrLevel = (typeof cefrLevels)[number];

export const publicationTypes = ['journal_article', 'conference_paper', 'book', 'book_chapter', 'report', 'thesis', 'other'] as const;

export const availabilityKinds = ['consultation', 'critical_review', 'appraisal', 'teaching', 'employment'] as const;
export type AvailabilityKind = (typeof availabilityKinds)[number];

/** ISO 3166-1 alpha-2, checked against the runtime's region names (full ICU in Node and browsers). */
const NOT_COUNTRIES = new Set(['ZZ', 'EU', 'EZ', 'UN', 'QO']);
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && regionNames.of(code) !== code && !NOT_COUNTRIES.has(code);
}

/** ISO 639-1 two-letter language codes, checked the same way. */
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
export function isLanguageCode(code: string): boolean {
  return /^[a-z]{2}$/.test(code) && languageNames.of(code) !== code;
}
