/**
 * The administrative map as the app uses it: provinces and communes of the current version,
 * indexed by code, and the checks a location must pass. Pure: the service loads the rows.
 */
export interface AdminUnit {
  code: string;
  provinceCode: string | null;
  nameVi: string;
  nameEn: string;
  kind: string;
  formerProvince: string | null;
}

export const HAIPHONG_PROVINCE_CODE = '31';

export interface AdminUnits {
  version: string;
  provinces: AdminUnit[];
  provinceByCode: Map<string, AdminUnit>;
  communeByCode: Map<string, AdminUnit>;
  communesByProvince: Map<string, AdminUnit[]>;
  haiphongCommunes: AdminUnit[];
}

export function indexAdminUnits(version: string, provinces: AdminUnit[], communes: AdminUnit[]): AdminUnits {
  const communesByProvince = new Map<string, AdminUnit[]>();
  for (const c of communes) {
    const list = communesByProvince.get(c.provinceCode ?? '') ?? [];
    list.push(c);
    communesByProvince.set(c.provinceCode ?? '', list);
  }
  return {
    version,
    provinces,
    provinceByCode: new Map(provinces.map((p) => [p.code, p])),
    communeByCode: new Map(communes.map((c) => [c.code, c])),
    communesByProvince,
    haiphongCommunes: communesByProvince.get(HAIPHONG_PROVINCE_CODE) ?? [],
  };
}

type LocationLike =
  | { kind: 'haiphong'; commune: string | null }
  | { kind: 'vietnam'; province: string; commune?: string | null | undefined }
  | { kind: 'overseas'; country: string };

/** The field of a location that names no unit of the map (or a unit outside its province), or null. */
export function locationProblem(units: AdminUnits, location: LocationLike | null): { field: string; message: string } | null {
  if (!location) return null;
  if (location.kind === 'haiphong') {
    if (location.commune === null) return null;
    const c = units.communeByCode.get(location.commune);
    if (c?.provinceCode !== HAIPHONG_PROVINCE_CODE) return { field: 'location.commune', message: 'Not a commune of Hải Phòng' };
    return null;
  }
  if (location.kind === 'vietnam') {
    if (!units.provinceByCode.has(location.province)) return { field: 'location.province', message: 'Unknown province' };
    if (location.province === HAIPHONG_PROVINCE_CODE)
      return { field: 'location.province', message: 'For Hải Phòng, choose kind "haiphong"' };
    if (location.commune) {
      const c = units.communeByCode.get(location.commune);
      if (c?.provinceCode !== location.province) return { field: 'location.commune', message: 'Not a commune of this province' };
    }
  }
  return null;
}

/** "Phường Lê Chân, Hải Phòng" / "Xã X, Tỉnh Y" / "Thành phố Hà Nội": how a location reads in lists. */
export function locationLabel(units: AdminUnits, location: LocationLike | null): string {
  if (!location || location.kind === 'overseas') return '';
  if (location.kind === 'haiphong') {
    const c = location.commune ? units.communeByCode.get(location.commune) : undefined;
    return [c?.nameVi, 'Hải Phòng'].filter(Boolean).join(', ');
  }
  const p = units.provinceByCode.get(location.province);
  const c = location.commune ? units.communeByCode.get(location.commune) : undefined;
  return [c?.nameVi, p?.nameVi ?? location.province].filter(Boolean).join(', ');
}
