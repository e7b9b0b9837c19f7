import type { Database } from '@hpen/db';
import { AppError } from '../../app/errors.js';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import { profileChanged } from '../outbox/outbox.events.js';
import type { OutboxRepository } from '../outbox/outbox.repository.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import type { ReferenceRepository } from './reference.repository.js';
import type { ReferenceService } from './reference.service.js';
import type { TaxonomyVersionList, TaxonomyVersionPreview, TaxonomyVersionUpload } from './reference.schemas.js';
import { mapProfileFields, parseClassification, parseCrosswalk, type UploadProblem } from './taxonomy-upload.js';

export const taxonomyErrors = {
  invalid: (problems: UploadProblem[]) =>
    new AppError(400, 'validation_failed', 'The classification or the crosswalk is invalid', { fields: problems.slice(0, 200) }),
  versionExists: (code: string) => new AppError(409, 'reference.taxonomy_version_exists', `Version ${code} exists already`),
};

interface Deps {
  db: Database;
  referenceRepository: ReferenceRepository;
  referenceService: ReferenceService;
  profilesRepository: Pick<ProfilesRepository, 'withFields' | 'setStoredFields'>;
  outboxRepository: OutboxRepository;
  auditService: AuditService;
}

/**
 * Moving the S&T classification to a new version is a data operation (issue 13 part 3): an admin
 * uploads the version and the crosswalk, sees what would change, then applies it in one
 * transaction. Profiles keep an unmapped code with the version it was chosen in.
 */
export function createTaxonomyVersionsService(deps: Deps) {
  const { db, referenceRepository, referenceService, profilesRepository, outboxRepository, auditService } = deps;

  async function plan(upload: TaxonomyVersionUpload) {
    const from = await referenceService.taxonomy();
    if (upload.code === from.version || (await referenceRepository.findTaxonomyVersion(upload.code)))
      throw taxonomyErrors.versionExists(upload.code);
    const classification = parseClassification(upload.classificationCsv);
    const crosswalk = parseCrosswalk(
      upload.crosswalkCsv,
      new Set(from.fields.map((f) => f.code)),
      new Set(classification.fields.map((f) => f.code)),
    );
    const problems = [...classification.problems, ...crosswalk.problems];
    if (problems.length) throw taxonomyErrors.invalid(problems);
    const map = new Map(crosswalk.rows.map((r) => [r.oldCode, r.newCode]));
    const profiles = (await profilesRepository.withFields()).map((p) => ({ id: p.id, ...mapProfileFields(p.fields, map, from.version) }));
    return { from, classification, crosswalk, profiles };
  }

  function summary({ from, classification, crosswalk, profiles }: Awaited<ReturnType<typeof plan>>, code: string): TaxonomyVersionPreview {
    const levels: Record<string, number> = {};
    for (const f of classification.fields) levels[f.level] = (levels[f.level] ?? 0) + 1;
    const unmapped = new Map<string, number>();
    for (const p of profiles) for (const c of new Set(p.unmapped)) unmapped.set(c, (unmapped.get(c) ?? 0) + 1);
    return {
      version: code,
      fromVersion: from.version,
      fields: classification.fields.length,
      levels,
      crosswalkRows: crosswalk.rows.length,
      profilesWithFields: profiles.length,
      profilesChanged: profiles.filter((p) => p.changed).length,
      profilesKeepingOldCodes: profiles.filter((p) => p.unmapped.length > 0).length,
      unmappedCodes: [...unmapped].map(([code, n]) => ({ code, profiles: n })).sort((a, b) => b.profiles - a.profiles),
    };
  }

  return {
    async list(): Promise<TaxonomyVersionList> {
      const rows = await referenceRepository.listTaxonomyVersions();
      return {
        items: rows.map((r) => ({
          ...r,
          createdAt: r.createdAt.toISOString(),
          fields: Number(r.fields),
          crosswalkRows: Number(r.crosswalkRows),
        })),
      };
    },

    async preview(upload: TaxonomyVersionUpload): Promise<TaxonomyVersionPreview> {
      return summary(await plan(upload), upload.code);
    },

    async apply(ctx: RequestContext, upload: TaxonomyVersionUpload): Promise<TaxonomyVersionPreview> {
      const planned = await plan(upload);
      const result = summary(planned, upload.code);
      await db.transaction(async (tx) => {
        await referenceRepository.insertTaxonomyVersion(tx, {
          code: upload.code,
          title: upload.title,
          legalReference: upload.legalReference ?? null,
          fromVersion: planned.from.version,
          fields: planned.classification.fields,
          crosswalk: planned.crosswalk.rows,
        });
        for (const p of planned.profiles) {
          if (!p.changed) continue;
          await profilesRepository.setStoredFields(tx, p.id, p.fields);
          await outboxRepository.enqueue(tx, profileChanged(p.id));
        }
        await auditService.record(tx, ctx, {
          action: 'taxonomy.version_applied',
          targetType: 'taxonomy_version',
          targetId: upload.code,
          details: { ...result, unmappedCodes: result.unmappedCodes.slice(0, 50) },
        });
      });
      referenceService.forgetTaxonomy();
      return result;
    },
  };
}
export type TaxonomyVersionsService = ReturnType<typeof createTaxonomyVersionsService>;
