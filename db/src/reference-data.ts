import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Reference lists shipped with the code (db/reference/), loaded into versioned tables at start-up. */
export const referenceDataFolder = fileURLToPath(new URL('../reference', import.meta.url));

export interface AdminUnitRow {
  level: 'province' | 'commune';
  code: string;
  provinceCode: string | null;
  nameVi: string;
  nameEn: string;
  kind: string;
  formerProvince: string | null;
}

export const ADMIN_UNITS_2025 = {
  code: '2025-nso',
  title: 'Danh mục đơn vị hành chính sau sắp xếp 2025 (34 tỉnh/thành, cấp xã)',
  source:
    'National statistics office list (danhmuchanhchinh.nso.gov.vn) as extracted by ThangLeQuoc/vietnamese-provinces-database v5.2.0, data state 2026-09-20; Resolution 202/2025/QH15 (Hải Dương merged into Hải Phòng)',
  licence: 'MIT, Copyright (c) 2021 Thang Le Quoc: db/reference/admin-units-2025/LICENSE-vietnamese-provinces-database.txt',
  folder: 'admin-units-2025',
} as const;

/** Hải Phòng (code 31): its units with codes below 11311 lie in the former Hải Dương code range (README of the extract). */
export const HAIPHONG_PROVINCE_CODE = '31';
const FORMER_HAI_DUONG_BELOW = 11311;

/** Plain comma-separated rows with a header; these files hold no quotes or commas inside cells (checked). */
function readCsv(name: string): Array<Record<string, string>> {
  const text = readFileSync(`${referenceDataFolder}/${ADMIN_UNITS_2025.folder}/${name}`, 'utf8').replace(/^\uFEFF/, '');
  const [header, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (!header) return [];
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    if (cells.length !== columns.length || line.includes('"')) throw new Error(`${name}: unexpected row "${line}"`);
    return Object.fromEntries(columns.map((c, i) => [c, (cells[i] ?? '').trim()]));
  });
}

const stripDiacritics = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
const englishCommune = (nameVi: string) => {
  const m = /^(phường|xã|đặc khu)\s+(.*)$/iu.exec(nameVi);
  if (!m) return stripDiacritics(nameVi);
  const suffix = { phường: 'Ward', xã: 'Commune', 'đặc khu': 'Special Zone' }[m[1]!.toLowerCase() as 'phường'];
  return `${stripDiacritics(m[2]!)} ${suffix}`;
};

/** The 34 provinces and all 3 321 communes, with Hải Phòng's English names and the former Hải Dương flag. */
export function readAdminUnits2025(): AdminUnitRow[] {
  const provinces = readCsv('vn-provinces-2025.csv').map((r): AdminUnitRow => ({
    level: 'province',
    code: r.code!,
    provinceCode: null,
    nameVi: r.name_vi!,
    nameEn: r.name_en!,
    kind: r.type!,
    formerProvince: null,
  }));
  const haiphongEn = new Map(readCsv('haiphong-communes-2025.csv').map((r) => [r.code!, r.name_en!]));
  const communes = readCsv('vn-communes-2025.csv').map((r): AdminUnitRow => ({
    level: 'commune',
    code: r.code!,
    provinceCode: r.province_code!,
    nameVi: r.name_vi!,
    nameEn: haiphongEn.get(r.code!) ?? englishCommune(r.name_vi!),
    kind: r.type!,
    formerProvince: r.province_code === HAIPHONG_PROVINCE_CODE && Number(r.code) < FORMER_HAI_DUONG_BELOW ? 'Hải Dương' : null,
  }));
  return [...provinces, ...communes];
}

export interface DistrictMappingRow {
  oldCode: string;
  oldNameVi: string;
  /** The one commune the whole old district became, or null when it was split (the expert confirms). */
  newCommuneCode: string | null;
  note: string;
  source: string;
}

/** Hải Phòng's pre-2025 districts and what each became, where unambiguous (db/reference/haiphong-districts-2025-mapping.csv). */
export function readHaiphongDistrictMapping(): DistrictMappingRow[] {
  const text = readFileSync(`${referenceDataFolder}/haiphong-districts-2025-mapping.csv`, 'utf8');
  const [, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.map((line) => {
    const [oldCode = '', oldNameVi = '', newCommuneCode = '', note = '', ...source] = line.split(',');
    return { oldCode, oldNameVi, newCommuneCode: newCommuneCode || null, note, source: source.join(',') };
  });
}
