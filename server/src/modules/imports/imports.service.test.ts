import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture } from '../../../../tests/support/service-fixture.js';

/** The import state machine (parsing → dry_run_ready | failed → importing → done), on the real database without HTTP. */
let f: ServiceFixture;
let associationId: string;
beforeAll(async () => {
  f = await createServiceFixture();
  associationId = await f.organisationId('hoi-tin-hoc');
});
afterAll(async () => f?.close());

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { code?: string }) => error.code,
  );

async function start(csv: string) {
  const { importsService } = f.services;
  const path = await importsService.uploadPath();
  await writeFile(path, csv);
  const job = await importsService.start(await f.curator(), {
    associationId,
    filename: 'list.csv',
    format: 'csv',
    size: csv.length,
    sha256: 'x',
    path,
  });
  expect(job.status).toBe('parsing');
  await importsService.idle();
  return importsService.get(await f.curator(), job.id);
}

describe('imports', () => {
  it('a clean dry run is confirmed once and imports; the expert with an account is proposed, not added', async () => {
    const { importsService, membershipsService } = f.services;
    const curator = await f.curator();
    // The demo expert's e-mail is private (not matched); the ORCID is on the public identity.
    const own = await f.services.profilesService.getOwn(await f.expert());
    const csv = `full_name,email,orcid\nĐỗ Thị Mai,mai.dt@example.vn,\n${own.fullName},,${own.orcid}\n`;
    const ready = await start(csv);
    expect(ready).toMatchObject({ status: 'dry_run_ready', clean: true, counts: { create: 1, update: 1 } });
    const job = await importsService.confirm(curator, ready.id);
    expect(job.status).toBe('importing');
    expect(await codeOf(importsService.confirm(curator, ready.id))).toBe('curation.import_state');
    await importsService.idle();
    expect(await importsService.get(curator, ready.id)).toMatchObject({ status: 'done', counts: { created: 1, proposed: 1 } });
    const mine = await membershipsService.myMemberships(await f.expert());
    expect(mine).toEqual([expect.objectContaining({ associationId, status: 'proposed', source: 'import' })]);
    expect(f.mail.some((m) => m.to === 'expert@demo.local')).toBe(true);
  });

  it('an unclean dry run cannot be confirmed; an unreadable file fails; both can be deleted', async () => {
    const { importsService } = f.services;
    const curator = await f.curator();
    const unclean = await start('full_name,birth_year\nX,3000\n');
    expect(unclean).toMatchObject({ status: 'dry_run_ready', clean: false, counts: { invalid: 1 } });
    expect(await codeOf(importsService.confirm(curator, unclean.id))).toBe('curation.import_not_clean');
    const failed = await start('email\na@b.vn\n');
    expect(failed).toMatchObject({ status: 'failed', error: expect.stringMatching(/full_name/) });
    expect(await codeOf(importsService.confirm(curator, failed.id))).toBe('curation.import_state');
    for (const id of [unclean.id, failed.id]) {
      await importsService.remove(curator, id);
      expect(await codeOf(importsService.get(curator, id))).toBe('curation.import_not_found');
    }
  });
});
