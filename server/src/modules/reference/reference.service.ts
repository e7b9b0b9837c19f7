import { notFound } from '../../app/errors.js';
import { degrees, haiPhongDistricts, prioritySectors } from './reference.data.js';
import { type AdminUnits, indexAdminUnits } from './admin-units.js';
import type { ReferenceRepository } from './reference.repository.js';
import type { Taxonomy } from './reference.schemas.js';

/**
 * Reference data. The taxonomy changes only by migration, so each version is read once and
 * kept in memory: validating a profile's field codes costs no query.
 */
export function createReferenceService({ referenceRepository }: { referenceRepository: ReferenceRepository }) {
  const cache = new Map<string, Promise<Taxonomy>>();
  let currentVersion: Promise<string> | undefined;
  let adminUnitsCache: Promise<AdminUnits> | undefined;

  async function loadAdminUnits(): Promise<AdminUnits> {
    // Loaded at start-up by buildApp; a script or a service test on a fresh database loads it here.
    let meta = await referenceRepository.currentAdminUnitVersion();
    if (!meta) {
      await referenceRepository.ensureAdminUnits();
      meta = await referenceRepository.currentAdminUnitVersion();
    }
    if (!meta) throw new Error('no current administrative-unit version');
    const [provinces, communes] = await Promise.all([
      referenceRepository.listAdminUnits(meta.code, 'province'),
      referenceRepository.listAdminUnits(meta.code, 'commune'),
    ]);
    return indexAdminUnits(meta.code, provinces, communes);
  }

  async function load(version: string): Promise<Taxonomy> {
    const meta = await referenceRepository.findTaxonomyVersion(version);
    if (!meta) throw notFound('Taxonomy version');
    return { version: meta.code, title: meta.title, fields: await referenceRepository.listFields(version) };
  }

  const service = {
    async currentTaxonomyVersion(): Promise<string> {
      currentVersion ??= referenceRepository.currentTaxonomyVersion().then((row) => {
        if (!row) throw new Error('no current taxonomy version: migrations missing?');
        return row.code;
      });
      return currentVersion;
    },

    async taxonomy(version?: string): Promise<Taxonomy> {
      const v = version ?? (await service.currentTaxonomyVersion());
      let entry = cache.get(v);
      if (!entry) {
        entry = load(v);
        cache.set(v, entry);
        entry.catch(() => cache.delete(v));
      }
      return entry;
    },

    /** After a new version is applied: the next read loads it. */
    forgetTaxonomy() {
      currentVersion = undefined;
    },

    /** Codes from `codes` that are not in the current taxonomy. */
    async unknownFieldCodes(codes: string[]): Promise<string[]> {
      const known = new Set((await service.taxonomy()).fields.map((f) => f.code));
      return codes.filter((c) => !known.has(c));
    },

    /** Loads the shipped administrative units into their versioned tables if this database has none. */
    ensureAdminUnits: () => referenceRepository.ensureAdminUnits(),

    /** The current provinces and communes, read once and kept in memory. */
    adminUnits(): Promise<AdminUnits> {
      if (!adminUnitsCache) {
        adminUnitsCache = loadAdminUnits();
        adminUnitsCache.catch(() => (adminUnitsCache = undefined));
      }
      return adminUnitsCache;
    },

    async lists() {
      const units = await service.adminUnits();
      return {
        sectors: prioritySectors.map((s) => ({ ...s })),
        degrees: degrees.map((d) => ({ ...d })),
        districts: haiPhongDistricts.map((d) => ({ ...d })),
        adminUnitsVersion: units.version,
        provinces: units.provinces.map((p) => ({ code: p.code, name: p.nameVi, vi: p.nameVi, en: p.nameEn, kind: p.kind })),
        haiphongCommunes: units.haiphongCommunes.map((c) => ({
          code: c.code,
          name: c.nameVi,
          vi: c.nameVi,
          en: c.nameEn,
          kind: c.kind,
          formerHaiDuong: c.formerProvince === 'Hải Dương',
          formerProvince: c.formerProvince,
        })),
      };
    },

    /** Communes of one province (the "elsewhere in Vietnam" picker); 404 for an unknown province. */
    async communesOf(provinceCode: string) {
      const units = await service.adminUnits();
      if (!units.provinceByCode.has(provinceCode)) throw notFound('Province');
      return (units.communesByProvince.get(provinceCode) ?? []).map((c) => ({
        code: c.code,
        name: c.nameVi,
        vi: c.nameVi,
        en: c.nameEn,
        kind: c.kind,
      }));
    },
  };
  return service;
}
export type ReferenceService = ReturnType<typeof createReferenceService>;
