import { readAdminUnits2025, readHaiphongDistrictMapping } from '@hpen/db/reference-data';
import { describe, expect, it } from 'vitest';
import { type AdminUnit, indexAdminUnits } from './admin-units.js';
import { legacyMaps, migrateStoredLocation, resolveWrittenPlace } from './legacy-location.js';
import { haiPhongDistricts } from './reference.data.js';

const rows = readAdminUnits2025();
const pick = (level: string): AdminUnit[] => rows.filter((r) => r.level === level);
const maps = legacyMaps(indexAdminUnits('2025-nso', pick('province'), pick('commune')), readHaiphongDistrictMapping());

describe('the district mapping table', () => {
  it('covers every pre-2025 district, each with its source, and maps only to communes of Hải Phòng', () => {
    const mapping = readHaiphongDistrictMapping();
    expect(mapping.map((m) => m.oldCode).sort()).toEqual(haiPhongDistricts.map((d) => d.code).sort());
    for (const m of mapping) {
      expect(m.source).toMatch(/381\/ĐA-CP/);
      if (m.newCommuneCode) expect(maps.units.communeByCode.get(m.newCommuneCode)?.provinceCode).toBe('31');
    }
  });
});

describe('stored locations', () => {
  it('maps a district that became one unit, keeps a split one "to confirm"', () => {
    expect(migrateStoredLocation(maps, { kind: 'haiphong', district: 'bach-long-vi' })).toMatchObject({
      status: 'mapped',
      location: { kind: 'haiphong', commune: '11948' },
    });
    expect(migrateStoredLocation(maps, { kind: 'haiphong', district: 'an-lao' })).toMatchObject({
      status: 'to_confirm',
      location: { kind: 'haiphong', commune: null, formerAddress: 'Huyện An Lão' },
    });
    expect(migrateStoredLocation(maps, { kind: 'haiphong', district: null })).toMatchObject({
      location: { kind: 'haiphong', commune: null },
    });
  });

  it('turns a province slug into its code; Hải Phòng becomes the haiphong kind', () => {
    expect(migrateStoredLocation(maps, { kind: 'vietnam', province: 'ho-chi-minh' })?.location).toEqual({
      kind: 'vietnam',
      province: '79',
      commune: null,
    });
    expect(migrateStoredLocation(maps, { kind: 'vietnam', province: 'hue' })?.location).toMatchObject({ province: '46' });
    expect(migrateStoredLocation(maps, { kind: 'vietnam', province: 'hai-phong' })?.location).toEqual({ kind: 'haiphong', commune: null });
  });

  it('leaves new-shape locations alone', () => {
    expect(migrateStoredLocation(maps, { kind: 'haiphong', commune: '11383' })).toBeNull();
    expect(migrateStoredLocation(maps, { kind: 'vietnam', province: '01', commune: null })).toBeNull();
    expect(migrateStoredLocation(maps, { kind: 'overseas', country: 'JP' })).toBeNull();
    expect(migrateStoredLocation(maps, null)).toBeNull();
  });
});

describe('places written in an import', () => {
  it.each([
    ['11383', 'mapped', { kind: 'haiphong', commune: '11383' }],
    ['Phường Lê Chân', 'mapped', { kind: 'haiphong', commune: '11383' }],
    ['phuong le chan', 'mapped', { kind: 'haiphong', commune: '11383' }],
    ['Huyện Cát Hải', 'mapped', { kind: 'haiphong', commune: '11914' }],
    ['cat-hai', 'mapped', { kind: 'haiphong', commune: '11914' }],
    ['Quận Lê Chân', 'to_confirm', { kind: 'haiphong', commune: null, formerAddress: 'Quận Lê Chân' }],
    ['An Lão, Hải Phòng', 'to_confirm', { kind: 'haiphong', commune: null, formerAddress: 'Huyện An Lão' }],
    ['Phường Hải Dương, Hải Dương', 'mapped', { kind: 'haiphong', commune: '10525' }],
    ['Xã Thanh Hà, Huyện Thanh Hà, Tỉnh Hải Dương', 'mapped', { kind: 'haiphong', commune: '10813' }],
    ['Số 5 Trần Hưng Đạo, Hải Dương', 'to_confirm', { kind: 'haiphong', commune: null, formerAddress: 'Số 5 Trần Hưng Đạo, Hải Dương' }],
  ])('%s → %s', (written, status, location) => {
    const result = resolveWrittenPlace(maps, written);
    expect(result.status).toBe(status);
    expect(result.location).toEqual(location);
    expect(result.note).not.toBe('');
  });

  it('says when nothing matches', () => {
    expect(resolveWrittenPlace(maps, 'Phường Ba Đình').status).toBe('unknown');
    expect(resolveWrittenPlace(maps, '00004').status).toBe('unknown');
  });
});
