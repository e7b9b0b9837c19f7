import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { Database, ExpertProfileRow } from '@hpen/db';
import { stringify } from 'csv-stringify/sync';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ImportsService } from '../imports/imports.service.js';
import { profileChanged } from '../outbox/outbox.events.js';
import type { OutboxRepository } from '../outbox/outbox.repository.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';

export interface DemoImportDeps {
  db: Database;
  profilesRepository: ProfilesRepository;
  auditService: AuditService;
  outboxRepository: OutboxRepository;
  importsService: ImportsService;
}

/** Uneven on purpose: a large maritime association, smaller ones, and a small medical one (every n-th eligible profile). */
export const MEMBER_SPREAD = [
  { code: 'hoi-hang-hai', every: 2 },
  { code: 'hoi-tin-hoc', every: 3 },
  { code: 'hoi-kh-kinh-te', every: 5 },
  { code: 'hoi-y-hoc', every: 7 },
] as const;

const level = (p: ExpertProfileRow, section: string) => p.visibility[section] ?? (section === 'identity' ? 'public' : 'private');
const shared = (p: ExpertProfileRow, section: string) => level(p, section) !== 'private';

/**
 * Real experts who want to be consulted share their contact with agencies: three in five generated
 * profiles do so here, each as a profile change (new version, audit entry, outbox row).
 */
export async function shareContacts(deps: DemoImportDeps, ctx: RequestContext, profiles: ExpertProfileRow[]) {
  const chosen = profiles.filter((p, i) => i % 5 < 3 && !shared(p, 'contact'));
  for (let i = 0; i < chosen.length; i += 50) {
    await deps.db.transaction(async (tx) => {
      for (const row of chosen.slice(i, i + 50)) {
        const visibility = { ...row.visibility, contact: 'agencies' };
        const changes = [{ field: 'visibility.contact', before: level(row, 'contact'), after: 'agencies' }];
        await deps.profilesRepository.saveVersion(tx, row, { visibility }, { actorUserId: null, actorRole: null, changes });
        await deps.auditService.record(tx, ctx, {
          action: 'profile.updated',
          targetType: 'profile',
          targetId: row.id,
          details: { changes },
        });
        await deps.outboxRepository.enqueue(tx, profileChanged(row.id));
      }
    });
  }
  return chosen.length;
}

/** Member-list rows an import matches to the existing profile: by a shared e-mail, else by the ORCID iD. */
export function memberRows(profiles: ExpertProfileRow[], every: number) {
  const eligible = profiles.filter((p) => shared(p, 'identity') && ((p.contactEmail && shared(p, 'contact')) || p.orcid));
  return eligible
    .filter((_, i) => i % every === 0)
    .map((p) => (p.contactEmail && shared(p, 'contact') ? [p.fullName, p.contactEmail, '', ''] : [p.fullName, '', p.orcid!, '']));
}

/**
 * The same person again from another list (another e-mail, the same phone, no birth year): nothing an
 * import matches on, so a new unclaimed profile, which the duplicate scan pairs by name and phone.
 */
export function duplicateRows(profiles: ExpertProfileRow[], count: number) {
  return profiles
    .filter((p, i) => i % 2 === 1 && shared(p, 'identity') && p.contactPhone)
    .slice(0, count)
    .map((p, i) => [p.fullName, `hoi-vien-${i + 1}@hoi-hang-hai.example.vn`, '', p.contactPhone ?? '']);
}

/** Uploads `rows` as a CSV through the imports service (dry run, then import when clean), waiting for its jobs. */
export async function runImport(deps: DemoImportDeps, ctx: RequestContext, associationId: string, filename: string, csv: string) {
  const path = await deps.importsService.uploadPath();
  const bytes = Buffer.from(csv, 'utf8');
  await writeFile(path, bytes, { mode: 0o600 });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const job = await deps.importsService.start(ctx, { associationId, filename, format: 'csv', size: bytes.length, sha256, path });
  await deps.importsService.idle();
  const ready = await deps.importsService.get(ctx, job.id);
  if (ready.status !== 'dry_run_ready' || !ready.clean) return ready;
  await deps.importsService.confirm(ctx, job.id);
  await deps.importsService.idle();
  return deps.importsService.get(ctx, job.id);
}

/** The file name of the demo member list written before the 2025 map (old districts, old Hải Dương addresses). */
export const OLD_PLACES_IMPORT = 'hoi-vien-2019-dia-gioi-cu.csv';

/**
 * A member list from 2019 as an association still has it: old districts ("Quận Lê Chân",
 * "Huyện An Lão") and Hải Dương addresses. The import accepts them and its preview says what each
 * became on the 2025 map (a commune, or "to confirm" where a district was split).
 */
export const oldPlacesCsv = () =>
  stringify([
    ['full_name', 'email', 'highest_degree', 'fields', 'organisation', 'district'],
    ['Đoàn Văn Chiến', 'chien.dv@hoi-kh-kinh-te.example.vn', 'ThS', '502', 'Công ty Cổ phần Cảng Hải Phòng', 'Quận Lê Chân'],
    ['Nguyễn Thị Hoa Lư', 'hoalu.nt@hoi-kh-kinh-te.example.vn', 'TS', '502', 'Trường Đại học Hải Phòng', 'Huyện An Lão'],
    ['Bùi Đức Thắng', 'thang.bd@hoi-kh-kinh-te.example.vn', 'ThS', '503', 'Hợp tác xã Thanh Hà', 'Xã Thanh Hà, Huyện Thanh Hà, Hải Dương'],
    ['Vũ Thị Ngọc Hân', 'han.vtn@hoi-kh-kinh-te.example.vn', 'TS', '502', 'Trường Đại học Hải Dương', 'Phường Trần Phú, TP Hải Dương'],
    ['Phạm Quốc Khánh', 'khanh.pq@hoi-kh-kinh-te.example.vn', 'DH', '502', 'UBND xã Kiến Thụy', 'Huyện Kiến Thụy'],
  ]);

export const membersCsv = (rows: string[][]) => stringify([['full_name', 'email', 'orcid', 'phone'], ...rows]);
