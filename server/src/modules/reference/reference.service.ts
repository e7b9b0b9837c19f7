import { notFound } from '../../app/errors.js';
import { degrees, haiPhongDistricts, prioritySectors, provinces } from './reference.data.js';
import type { ReferenceRepository } from './reference.repository.js';
import type { Taxonomy } from './reference.schemas.js';

/**
 * Reference data. The taxonomy changes only by migration, so each version is read once and
 * kept in memory: validating a profile's field codes costs no query.
 */
export function createReferenceService({ referenceRepository }: { referenceRepository: ReferenceRepository }) {
  const cache = new Map<string, Promise<Taxonomy>>();
  let currentVersion: Promise<string> | undefined;

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

    /** Codes from `codes` that are not in the current taxonomy. */
    async unknownFieldCodes(codes: string[]): Promise<string[]> {
      const known = new Set((await service.taxonomy()).fields.map((f) => f.code));
      return codes.filter((c) => !known.has(c));
    },

    lists() {
      return {
        sectors: prioritySectors.map((s) => ({ ...s })),
        degrees: degrees.map((d) => ({ ...d })),
        districts: haiPhongDistricts.map((d) => ({ ...d })),
        provinces: provinces.map(([code, vi]) => ({ code, vi })),
      };
    },
  };
  return service;
}
export type ReferenceService = ReturnType<typeof createReferenceService>;
