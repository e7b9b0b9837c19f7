import type { Database } from '@hpen/db';
import { stringify } from 'csv-stringify/sync';
import { defuseCsvCell } from '../shared/csv.js';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import { projectProfile } from '../profiles/profile-projection.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import { profilesErrors } from '../profiles/profiles.errors.js';
import { locationLabel } from '../reference/admin-units.js';
import { degrees, prioritySectors } from '../reference/reference.data.js';
import type { ReferenceService } from '../reference/reference.service.js';
import { shortlistsErrors } from './shortlists.errors.js';
import type { ShortlistsRepository } from './shortlists.repository.js';
import type { Shortlist, ShortlistSummary } from './shortlists.schemas.js';

const MAX_LISTS = 100;
const MAX_ITEMS = 500;

interface Deps {
  db: Database;
  shortlistsRepository: ShortlistsRepository;
  profilesRepository: ProfilesRepository;
  referenceService: ReferenceService;
  auditService: AuditService;
  publicUrl: string;
}

/** Agency staff keep named lists of experts; only the owner sees or changes a list. */
export function createShortlistsService(deps: Deps) {
  const { db, shortlistsRepository, profilesRepository, auditService } = deps;

  const staff = (ctx: RequestContext) => {
    if (!ctx.actor || ctx.actor.role === 'expert') throw shortlistsErrors.staffOnly();
    return ctx.actor;
  };

  async function owned(ctx: RequestContext, id: string) {
    const list = await shortlistsRepository.findOwned(id, staff(ctx).userId);
    if (!list) throw shortlistsErrors.notFound();
    return list;
  }

  const summary = (
    row: { id: string; name: string; description: string; createdAt: Date; updatedAt: Date },
    n: number,
  ): ShortlistSummary => ({
    id: row.id,
    name: row.name,
    description: row.description,
    count: n,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  });

  const service = {
    async list(ctx: RequestContext) {
      const rows = await shortlistsRepository.listForOwner(staff(ctx).userId);
      return rows.map((r) => summary(r, r.count));
    },

    async get(ctx: RequestContext, id: string): Promise<Shortlist> {
      const list = await owned(ctx, id);
      const rows = await shortlistsRepository.items(list.id);
      return {
        ...summary(list, rows.length),
        // Staff see the agency projection: what the expert shares with agencies, nothing more.
        items: rows.map(({ item, profile }) => ({
          profileId: item.profileId,
          note: item.note,
          addedAt: item.addedAt.toISOString(),
          expert: projectProfile(profile, 'agencies'),
        })),
      };
    },

    async create(ctx: RequestContext, body: { name: string; description: string }) {
      const actor = staff(ctx);
      return db.transaction(async (tx) => {
        if ((await shortlistsRepository.countForOwner(actor.userId, tx)) >= MAX_LISTS)
          throw shortlistsErrors.tooMany('shortlists per user', MAX_LISTS);
        const row = await shortlistsRepository.insert(tx, { ownerUserId: actor.userId, name: body.name, description: body.description });
        await auditService.record(tx, ctx, { action: 'shortlist.created', targetType: 'shortlist', targetId: row.id });
        return summary(row, 0);
      });
    },

    async update(ctx: RequestContext, id: string, body: { name?: string | undefined; description?: string | undefined }) {
      const list = await owned(ctx, id);
      return db.transaction(async (tx) => {
        const row = await shortlistsRepository.update(tx, list.id, {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.description !== undefined ? { description: body.description } : {}),
        });
        await auditService.record(tx, ctx, {
          action: 'shortlist.updated',
          targetType: 'shortlist',
          targetId: list.id,
          details: { changed: Object.keys(body) },
        });
        return summary(row, await shortlistsRepository.countItems(list.id, tx));
      });
    },

    async remove(ctx: RequestContext, id: string) {
      const list = await owned(ctx, id);
      await db.transaction(async (tx) => {
        await shortlistsRepository.delete(tx, list.id);
        await auditService.record(tx, ctx, { action: 'shortlist.deleted', targetType: 'shortlist', targetId: list.id });
      });
    },

    /** Adds an expert (or changes the note). Only experts shared with agencies can be added. */
    async putItem(ctx: RequestContext, id: string, profileId: string, note: string) {
      const list = await owned(ctx, id);
      const profile = await profilesRepository.findById(profileId);
      if (!profile || !projectProfile(profile, 'agencies')) throw profilesErrors.notFound();
      return db.transaction(async (tx) => {
        if ((await shortlistsRepository.countItems(list.id, tx)) >= MAX_ITEMS)
          throw shortlistsErrors.tooMany('experts per shortlist', MAX_ITEMS);
        const item = await shortlistsRepository.upsertItem(tx, { shortlistId: list.id, profileId, note });
        await shortlistsRepository.update(tx, list.id, {});
        await auditService.record(tx, ctx, {
          action: 'shortlist.item_saved',
          targetType: 'shortlist',
          targetId: list.id,
          details: { profileId },
        });
        return {
          profileId: item.profileId,
          note: item.note,
          addedAt: item.addedAt.toISOString(),
          expert: projectProfile(profile, 'agencies'),
        };
      });
    },

    async removeItem(ctx: RequestContext, id: string, profileId: string) {
      const list = await owned(ctx, id);
      await db.transaction(async (tx) => {
        if (!(await shortlistsRepository.deleteItem(tx, list.id, profileId))) throw profilesErrors.notFound();
        await shortlistsRepository.update(tx, list.id, {});
        await auditService.record(tx, ctx, {
          action: 'shortlist.item_removed',
          targetType: 'shortlist',
          targetId: list.id,
          details: { profileId },
        });
      });
    },

    /** The list as CSV (UTF-8 with BOM, so Excel shows Vietnamese correctly), with labels in Vietnamese. */
    async exportCsv(ctx: RequestContext, id: string): Promise<{ filename: string; csv: string }> {
      const list = await service.get(ctx, id);
      const taxonomy = await deps.referenceService.taxonomy();
      const fieldName = new Map(taxonomy.fields.map((f) => [f.code, f.nameVi]));
      const label = <T extends { code: string; vi: string }>(items: readonly T[]) => new Map(items.map((i) => [i.code as string, i.vi]));
      const degree = label(degrees);
      const sector = label(prioritySectors);
      const units = await deps.referenceService.adminUnits();
      const place = (e: NonNullable<Shortlist['items'][number]['expert']>) => {
        const loc = e.location;
        if (!loc) return '';
        return loc.kind === 'overseas' ? loc.country : locationLabel(units, loc);
      };
      const header = ['Họ và tên', 'Học hàm', 'Học vị', 'Lĩnh vực', 'Ngành ưu tiên', 'Nơi ở', 'E-mail', 'Điện thoại', 'Ghi chú', 'Hồ sơ'];
      const rows = list.items.map(({ expert: e, note, profileId }) =>
        e
          ? [
              e.fullName,
              e.academicTitle ?? '',
              e.highestDegree ? (degree.get(e.highestDegree) ?? e.highestDegree) : '',
              (e.fields ?? []).map((f) => fieldName.get(f.code) ?? f.code).join('; '),
              (e.sectors ?? []).map((s) => sector.get(s) ?? s).join('; '),
              place(e),
              e.contact?.email ?? '',
              e.contact?.phone ?? '',
              note,
              `${deps.publicUrl}/experts/${profileId}`,
            ]
          : ['(hồ sơ không còn chia sẻ)', '', '', '', '', '', '', '', note, ''],
      );
      const csv = `\uFEFF${stringify([header, ...rows.map((r) => r.map(defuseCsvCell))])}`;
      await auditService.record(db, ctx, {
        action: 'shortlist.exported',
        targetType: 'shortlist',
        targetId: list.id,
        details: { rows: rows.length },
      });
      const slug =
        list.name
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .replace(/đ/gi, 'd')
          .replace(/[^A-Za-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')
          .slice(0, 60) || 'shortlist';
      return { filename: `${slug}.csv`, csv };
    },
  };
  return service;
}
export type ShortlistsService = ReturnType<typeof createShortlistsService>;
