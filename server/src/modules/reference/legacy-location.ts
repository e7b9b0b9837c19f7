/**
 * Old locations on the 2025 map. Before 1 July 2025 Hải Phòng had districts (quận/huyện) and
 * Hải Dương was a province of its own (merged by Resolution 202/2025/QH15). A stored or imported
 * old value becomes a commune where the mapping is unambiguous (db/reference/
 * haiphong-districts-2025-mapping.csv, with its source); otherwise it is kept as `formerAddress`,
 * "to confirm" by the expert. Pure: the caller passes the units and the mapping.
 */
import type { DistrictMappingRow } from '@hpen/db';
import { haiPhongDistricts } from './reference.data.js';
import { foldVietnamese } from '../shared/text.js';
import { type AdminUnits, HAIPHONG_PROVINCE_CODE } from './admin-units.js';

export type NewLocation =
  | { kind: 'haiphong'; commune: string | null; formerAddress?: string }
  | { kind: 'vietnam'; province: string; commune: string | null }
  | { kind: 'overseas'; country: string };

export interface LocationResolution {
  location: NewLocation | null;
  /** mapped: a commune (or province) of the 2025 map; to_confirm: kept as written, the expert picks; unknown: nothing matched. */
  status: 'mapped' | 'to_confirm' | 'unknown';
  /** What the value became, for a preview: "Huyện Cát Hải → Đặc khu Cát Hải". */
  note: string;
}

const UNIT_PREFIX = /^(phuong|xa|dac khu|quan|huyen|thanh pho|tp\.?|thi xa|thi tran|tinh)\s+/;
const bare = (s: string) => foldVietnamese(s).replace(UNIT_PREFIX, '').trim();
const slugOf = (s: string) => bare(s).replace(/\s+/g, '-');

export interface LegacyMaps {
  units: AdminUnits;
  districts: Map<string, DistrictMappingRow>;
}

export function legacyMaps(units: AdminUnits, mapping: DistrictMappingRow[]): LegacyMaps {
  return { units, districts: new Map(mapping.map((m) => [m.oldCode, m])) };
}

function fromDistrict(maps: LegacyMaps, code: string): LocationResolution {
  const m = maps.districts.get(code);
  const name = m?.oldNameVi ?? haiPhongDistricts.find((d) => d.code === code)?.vi ?? code;
  const commune = m?.newCommuneCode ? maps.units.communeByCode.get(m.newCommuneCode) : undefined;
  if (commune) return { location: { kind: 'haiphong', commune: commune.code }, status: 'mapped', note: `${name} → ${commune.nameVi}` };
  return {
    location: { kind: 'haiphong', commune: null, formerAddress: name },
    status: 'to_confirm',
    note: `${name}: split among several communes since 2025, to confirm`,
  };
}

/** A stored location of the old shape, on the new map; null when it already has the new shape. */
export function migrateStoredLocation(maps: LegacyMaps, stored: unknown): LocationResolution | null {
  if (!stored || typeof stored !== 'object') return null;
  const loc = stored as Record<string, unknown>;
  if (loc.kind === 'haiphong' && 'district' in loc) {
    if (typeof loc.district === 'string') return fromDistrict(maps, loc.district);
    return { location: { kind: 'haiphong', commune: null }, status: 'mapped', note: 'Hải Phòng' };
  }
  if (loc.kind === 'vietnam' && typeof loc.province === 'string' && !/^\d{2}$/.test(loc.province)) {
    const slug = loc.province;
    const province = maps.units.provinces.find((p) => slugOf(p.nameVi) === slug);
    if (province?.code === HAIPHONG_PROVINCE_CODE)
      return { location: { kind: 'haiphong', commune: null }, status: 'mapped', note: province.nameVi };
    if (province)
      return {
        location: { kind: 'vietnam', province: province.code, commune: null },
        status: 'mapped',
        note: `${slug} → ${province.nameVi}`,
      };
    return { location: null, status: 'unknown', note: `Unknown province ${slug}` };
  }
  return null;
}

/**
 * A place as people write it in a member list: a commune code or name of today's Hải Phòng, an
 * old district ("Huyện An Lão", "an-lao"), or an old Hải Dương address ("Xã Thanh Hà, Hải Dương").
 */
export function resolveWrittenPlace(maps: LegacyMaps, written: string): LocationResolution {
  const input = written.trim();
  const { units } = maps;
  if (/^\d{5}$/.test(input)) {
    const c = units.communeByCode.get(input);
    if (c?.provinceCode === HAIPHONG_PROVINCE_CODE)
      return { location: { kind: 'haiphong', commune: c.code }, status: 'mapped', note: c.nameVi };
    return { location: null, status: 'unknown', note: `No commune ${input} in Hải Phòng` };
  }
  const folded = foldVietnamese(input);
  const exact = units.haiphongCommunes.find((c) => foldVietnamese(c.nameVi) === folded);
  if (exact) return { location: { kind: 'haiphong', commune: exact.code }, status: 'mapped', note: exact.nameVi };

  const parts = folded
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const isOldProvince = (p: string) => /^((tinh|thanh pho|tp\.?)\s+)?hai duong$/.test(p);
  if (parts.some(isOldProvince) && !folded.includes('hai phong')) {
    // Each other part may name a former Hải Dương commune, in full ("xa thanh ha") or bare ("thanh ha").
    const former = units.haiphongCommunes.filter((c) => c.formerProvince === 'Hải Dương');
    const codes = new Set<string>();
    for (const part of parts.filter((p) => !isOldProvince(p))) {
      const full = former.filter((c) => foldVietnamese(c.nameVi) === part);
      for (const c of full.length ? full : former.filter((c) => bare(c.nameVi) === bare(part))) codes.add(c.code);
    }
    const matches = [...codes].map((code) => units.communeByCode.get(code)!);
    if (matches.length === 1 && matches[0]) {
      return {
        location: { kind: 'haiphong', commune: matches[0].code },
        status: 'mapped',
        note: `${input} → ${matches[0].nameVi}, Hải Phòng (Hải Dương merged into Hải Phòng, Resolution 202/2025/QH15)`,
      };
    }
    return {
      location: { kind: 'haiphong', commune: null, formerAddress: input.slice(0, 200) },
      status: 'to_confirm',
      note: `${input}: former Hải Dương, now Hải Phòng; commune to confirm`,
    };
  }

  const asDistrict = haiPhongDistricts.find((d) => d.code === input.toLowerCase() || bare(d.vi) === bare(parts[0] ?? ''));
  if (asDistrict && (parts.length === 1 || parts.slice(1).every((p) => bare(p) === 'hai phong')))
    return fromDistrict(maps, asDistrict.code);

  const byBareName = units.haiphongCommunes.filter((c) => bare(c.nameVi) === bare(parts[0] ?? ''));
  if (byBareName.length === 1 && byBareName[0]) {
    return { location: { kind: 'haiphong', commune: byBareName[0].code }, status: 'mapped', note: `${input} → ${byBareName[0].nameVi}` };
  }
  return { location: null, status: 'unknown', note: `No unit of Hải Phòng named ${input}` };
}
