import { readHaiphongDistrictMapping } from '@hpen/db/reference-data';
import { locationProblem } from '../reference/admin-units.js';
import { legacyMaps, migrateStoredLocation } from '../reference/legacy-location.js';
import { randomUUID } from 'node:crypto';
import type { Database, DbOrTx, ExpertProfileRow } from '@hpen/db';
import { type RequestContext, systemContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import { profileChanged } from '../outbox/outbox.events.js';
import type { OutboxRepository } from '../outbox/outbox.repository.js';
import type { ReferenceService } from '../reference/reference.service.js';
import { badgesFor, reconcileVerifications } from './verification-items.js';
import { computeCompleteness } from './profile-completeness.js';
import { contentToColumns, diffContent, emptyDocument, type FieldChange, rowToContent, rowVisibility } from './profile-document.js';
import { type Audience, projectProfile } from './profile-projection.js';
import { type ImportFormat, previewPublicationImport } from './publications-import.js';
import type { ProfilesRepository } from './profiles.repository.js';
import { profilesErrors } from './profiles.errors.js';
import {
  defaultVisibility,
  profileContentSchema,
  type ExpertView,
  type ImportPreview,
  type OwnProfile,
  type CompletedReview,
  type ProfileContent,
  type UpdateProfileBody,
  type Visibility,
} from './profiles.schemas.js';

interface Deps {
  /** Verified items that a save changed: their badges go and they are queued again. */
  onVerifiedItemsChanged?: (
    tx: DbOrTx,
    ctx: RequestContext,
    profileId: string,
    changed: ReturnType<typeof reconcileVerifications>['changed'],
  ) => Promise<void>;
  db: Database;
  profilesRepository: ProfilesRepository;
  referenceService: ReferenceService;
  auditService: AuditService;
  outboxRepository: OutboxRepository;
}

const LIST_SECTIONS = ['education', 'positions', 'publications', 'patents', 'projects', 'awards'] as const;

/** Items get a stable id on first save, so later work (verification, import dedupe) can point at them. */
function withItemIds(content: ProfileContent): ProfileContent {
  const next = { ...content };
  for (const key of LIST_SECTIONS) {
    (next[key] as Array<{ id?: string | undefined }>) = content[key].map((item) => ({ ...item, id: item.id ?? randomUUID() }));
  }
  return next;
}

export function toOwnProfile(row: ExpertProfileRow): OwnProfile {
  const content = rowToContent(row);
  return {
    ...content,
    id: row.id,
    version: row.version,
    visibility: rowVisibility(row),
    completeness: computeCompleteness(content),
    verified: badgesFor(row.verifications, content),
    claimed: row.userId !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Which projection a caller gets of someone's profile. */
export function audienceFor(ctx: RequestContext, row: ExpertProfileRow): Audience {
  if (!ctx.actor) return 'public';
  if (row.userId === ctx.actor.userId) return 'owner';
  return ctx.actor.role === 'expert' ? 'public' : 'agencies';
}

export function createProfilesService(deps: Deps) {
  const { db, profilesRepository, referenceService, auditService, outboxRepository } = deps;

  async function ownRow(ctx: RequestContext, tx?: DbOrTx): Promise<ExpertProfileRow> {
    if (!ctx.actor) throw profilesErrors.noOwnProfile();
    const row = await profilesRepository.findByUserId(ctx.actor.userId, tx);
    if (!row) throw profilesErrors.noOwnProfile();
    return row;
  }

  /** Runs before any transaction: PGlite has one connection, so a query on `db` inside one would wait forever. */
  async function ensureKnownFieldCodes(fields: ProfileContent['fields']) {
    // A code kept from an earlier version (no mapping yet) is checked against that version.
    const current = await referenceService.currentTaxonomyVersion();
    const unknown = new Set<string>();
    for (const version of new Set(fields.map((f) => f.version ?? current))) {
      const known = new Set((await referenceService.taxonomy(version).catch(() => ({ fields: [] }))).fields.map((f) => f.code));
      for (const f of fields) if ((f.version ?? current) === version && !known.has(f.code)) unknown.add(`${version}:${f.code}`);
    }
    if (unknown.size > 0) {
      throw profilesErrors.invalid(
        fields
          .map((f, i) => ({ f, i }))
          .filter(({ f }) => unknown.has(`${f.version ?? current}:${f.code}`))
          .map(({ f, i }) => ({ path: `fields.${i}.code`, code: 'unknown_code', message: `No field ${f.code} in the taxonomy` })),
      );
    }
  }

  /** The location names units of the current map (also before any transaction); a chosen commune ends "to confirm". */
  async function checkedLocation(location: ProfileContent['location']): Promise<ProfileContent['location']> {
    if (!location) return location;
    const problem = locationProblem(await referenceService.adminUnits(), location);
    if (problem) throw profilesErrors.invalid([{ path: problem.field, code: 'unknown_code', message: problem.message }]);
    if (location.kind === 'haiphong' && location.commune !== null) return { kind: 'haiphong', commune: location.commune };
    return location;
  }

  const service = {
    /**
     * Publishes a user's profile once their e-mail is verified and while the account is active
     * (`listed`), or withdraws it; the outbox row re-indexes it. No-op when nothing changes.
     */
    async setListedForUser(tx: DbOrTx, ctx: RequestContext, userId: string, listed: boolean): Promise<void> {
      const profileId = await profilesRepository.setListedForUser(tx, userId, listed);
      if (!profileId) return;
      await auditService.record(tx, ctx, {
        action: listed ? 'profile.listed' : 'profile.unlisted',
        targetType: 'expert_profile',
        targetId: profileId,
      });
      await outboxRepository.enqueue(tx, profileChanged(profileId));
    },

    /** A new, nearly empty profile for a person; `userId` null for an imported, unclaimed one. */
    async createProfile(
      tx: DbOrTx,
      ctx: RequestContext,
      input: { userId: string | null; fullName: string; email: string | null; content?: Partial<ProfileContent>; listed?: boolean },
    ) {
      const content = withItemIds({
        fullName: input.fullName,
        academicTitle: null,
        highestDegree: null,
        orcid: null,
        birthYear: null,
        gender: null,
        contact: { email: input.email, phone: null },
        ...emptyDocument(),
        ...input.content,
      });
      const row = await profilesRepository.insert(tx, {
        ...contentToColumns(content),
        userId: input.userId,
        visibility: defaultVisibility,
        createdBy: ctx.actor?.userId ?? input.userId,
        claimedAt: input.userId ? new Date() : null,
        listed: input.listed ?? true,
      });
      await auditService.record(tx, ctx, {
        action: 'profile.created',
        targetType: 'expert_profile',
        targetId: row.id,
        details: { claimed: input.userId !== null },
      });
      await outboxRepository.enqueue(tx, profileChanged(row.id));
      return row;
    },

    /**
     * Moves stored pre-2025 locations onto the 2025 map (start-up, idempotent): unambiguous old
     * districts become their commune, the others stay "to confirm"; each change audited and re-indexed.
     */
    async migrateLegacyLocations(): Promise<{ mapped: number; toConfirm: number; unknown: number }> {
      const counts = { mapped: 0, toConfirm: 0, unknown: 0 };
      const stale = await profilesRepository.legacyLocations();
      if (stale.length === 0) return counts;
      const maps = legacyMaps(await referenceService.adminUnits(), readHaiphongDistrictMapping());
      await db.transaction(async (tx) => {
        for (const { id, location } of stale) {
          const result = migrateStoredLocation(maps, location);
          if (!result) continue;
          counts[result.status === 'to_confirm' ? 'toConfirm' : result.status] += 1;
          await profilesRepository.setStoredLocation(tx, id, result.location);
          await auditService.record(tx, systemContext, {
            action: 'profile.location_migrated',
            targetType: 'expert_profile',
            targetId: id,
            details: { status: result.status, note: result.note },
          });
          await outboxRepository.enqueue(tx, profileChanged(id));
        }
      });
      return counts;
    },

    /**
     * Adds a published consultation to the expert's "completed reviews" (once per case): a new
     * profile version written by the consultations module, re-indexed like any other change.
     */
    async recordCompletedReview(tx: DbOrTx, ctx: RequestContext, profileId: string, entry: CompletedReview): Promise<void> {
      const row = await profilesRepository.findById(profileId, tx);
      if (!row) return;
      const before = rowToContent(row);
      if (before.completedReviews.some((r) => r.consultationId === entry.consultationId)) return;
      const after = { ...before, completedReviews: [entry, ...before.completedReviews] };
      await profilesRepository.saveVersion(tx, row, contentToColumns(after), {
        actorUserId: ctx.actor?.userId ?? null,
        actorRole: ctx.actor?.role ?? null,
        changes: [{ field: 'completedReviews', before: null, after: entry }],
      });
      await auditService.record(tx, ctx, {
        action: 'profile.completed_review_added',
        targetType: 'expert_profile',
        targetId: row.id,
        details: { consultationId: entry.consultationId },
      });
      await outboxRepository.enqueue(tx, profileChanged(row.id));
    },

    async getOwn(ctx: RequestContext): Promise<OwnProfile> {
      return toOwnProfile(await ownRow(ctx));
    },

    async updateOwn(ctx: RequestContext, body: UpdateProfileBody, ifMatchVersion?: number): Promise<OwnProfile> {
      const { version, visibility: visibilityPatch, ...patch } = body;
      const expected = version ?? ifMatchVersion;
      if (patch.fields) await ensureKnownFieldCodes(patch.fields);
      if (patch.location !== undefined) patch.location = await checkedLocation(patch.location);
      return db.transaction(async (tx) => {
        const row = await ownRow(ctx, tx);
        if (expected !== undefined && expected !== row.version) throw profilesErrors.versionConflict(row.version);
        const before = rowToContent(row);
        const after = withItemIds({ ...before, ...patch });
        const visibility: Visibility = { ...rowVisibility(row), ...visibilityPatch };

        const changes: FieldChange[] = [
          ...diffContent(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>),
          ...diffContent(rowVisibility(row), visibility).map((c) => ({ ...c, field: `visibility.${c.field}` })),
        ];
        if (changes.length === 0) return toOwnProfile(row);

        const { valid, changed } = reconcileVerifications(row.verifications, after);
        const updated = await profilesRepository.saveVersion(
          tx,
          row,
          { ...contentToColumns(after), visibility, verifications: valid },
          {
            actorUserId: ctx.actor?.userId ?? null,
            actorRole: ctx.actor?.role ?? null,
            changes,
          },
        );
        if (changed.length) await deps.onVerifiedItemsChanged?.(tx, ctx, row.id, changed);
        // The audit log names what changed, not the values: those stay in the owner's history.
        await auditService.record(tx, ctx, {
          action: 'profile.updated',
          targetType: 'expert_profile',
          targetId: row.id,
          details: { version: updated.version, fields: changes.map((c) => c.field) },
        });
        await outboxRepository.enqueue(tx, profileChanged(row.id));
        return toOwnProfile(updated);
      });
    },

    /** Someone's profile as the caller may see it; 404 when they may see nothing. */
    async getForViewer(ctx: RequestContext, id: string): Promise<ExpertView> {
      const row = await profilesRepository.findById(id);
      if (!row) throw profilesErrors.notFound();
      const view = projectProfile(row, audienceFor(ctx, row));
      if (!view) throw profilesErrors.notFound();
      return view;
    },

    async history(ctx: RequestContext) {
      const row = await ownRow(ctx);
      const versions = await profilesRepository.listVersions(row.id);
      return versions.map((v) => ({
        version: v.version,
        createdAt: v.createdAt.toISOString(),
        actorUserId: v.actorUserId,
        actorRole: v.actorRole,
        changes: v.changes,
      }));
    },

    async previewPublicationImport(ctx: RequestContext, format: ImportFormat, content: string): Promise<ImportPreview> {
      const row = await ownRow(ctx);
      const entries = await previewPublicationImport(format, content, rowToContent(row).publications);
      const count = (...statuses: string[]) => entries.filter((e) => statuses.includes(e.status)).length;
      return {
        entries,
        counts: { new: count('new'), duplicate: count('duplicate_existing', 'duplicate_in_file'), invalid: count('invalid') },
      };
    },

    /**
     * Re-parses the file (the client's preview is not trusted) and appends the new entries.
     * Importing the same file twice adds nothing the second time: everything is a duplicate.
     */
    async commitPublicationImport(
      ctx: RequestContext,
      body: { format: ImportFormat; content: string; version: number; skip: number[] },
    ): Promise<OwnProfile> {
      const row = await ownRow(ctx);
      if (body.version !== row.version) throw profilesErrors.versionConflict(row.version);
      const existing = rowToContent(row).publications;
      const skip = new Set(body.skip);
      const added = (await previewPublicationImport(body.format, body.content, existing))
        .filter((e) => e.status === 'new' && e.publication && !skip.has(e.index))
        .map((e) => e.publication!);
      if (added.length === 0) return toOwnProfile(row);
      if (!profileContentSchema.shape.publications.safeParse([...existing, ...added]).success) {
        throw profilesErrors.invalid([{ path: 'publications', code: 'too_big', message: 'Too many publications for one profile' }]);
      }
      return service.updateOwn(ctx, { version: body.version, publications: [...existing, ...added] });
    },

    ownRow,
  };
  return service;
}
export type ProfilesService = ReturnType<typeof createProfilesService>;
