import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture } from '../../../../tests/support/service-fixture.js';

/** The verification state machine, on the real database without HTTP. */
let f: ServiceFixture;
beforeAll(async () => {
  f = await createServiceFixture();
});
afterAll(async () => f?.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const evidence = [{ filename: 'bang.pdf', mimeType: 'application/pdf', bytes: PDF }];
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { code?: string }) => error.code,
  );

async function degree() {
  const expert = await f.expert();
  const own = await f.services.profilesService.getOwn(expert);
  return { expert, itemId: own.education[0]!.id as string, profileId: own.id };
}

describe('verification: pending → approved | rejected | changes_requested', () => {
  it('approves once, writes the badge, and re-queues the item when it changes', async () => {
    const { verificationService: service, profilesService } = f.services;
    const { expert, itemId, profileId } = await degree();
    const input = { itemType: 'degree' as const, itemId, associationId: null, note: '' };
    expect(await codeOf(service.submit(expert, input, []))).toBe('curation.evidence_missing');
    const request = await service.submit(expert, input, evidence);
    expect(request.status).toBe('pending');
    expect(await codeOf(service.submit(expert, input, evidence))).toBe('curation.verification_pending');
    expect((await service.pendingInScope(null)).length).toBe(1);

    const approved = await service.decide(await f.curator(), request.id, 'approve', undefined);
    expect(approved.status).toBe('approved');
    expect(await codeOf(service.decide(await f.curator(), request.id, 'reject', 'no'))).toBe('curation.already_decided');
    expect((await profilesService.getForViewer(expert, profileId)).verified).toEqual([
      expect.objectContaining({ itemType: 'degree', itemId }),
    ]);

    const own = await profilesService.getOwn(expert);
    await profilesService.updateOwn(expert, { education: [{ ...own.education[0]!, year: (own.education[0]!.year ?? 2000) + 1 }] });
    const mine = await service.mine(expert);
    expect(mine.map((r) => r.status)).toEqual(['superseded', 'pending']);
    expect(mine[1]!.files).toHaveLength(1);
  });

  it('a reject or a request for changes ends the request; the expert may ask again', async () => {
    const { verificationService: service } = f.services;
    const { expert, itemId } = await degree();
    const [pending] = (await service.mine(expert)).filter((r) => r.status === 'pending');
    expect((await service.decide(await f.curator(), pending!.id, 'request_changes', 'Cần bản công chứng')).status).toBe(
      'changes_requested',
    );
    const again = await service.submit(expert, { itemType: 'degree', itemId, associationId: null, note: 'Bản công chứng' }, evidence);
    expect((await service.decide(await f.curator(), again.id, 'reject', 'Không khớp')).status).toBe('rejected');
    expect(await service.pendingInScope(null)).toEqual([]);
  });

  it('only the expert asks, only a curator decides', async () => {
    const { verificationService: service } = f.services;
    const { itemId } = await degree();
    const input = { itemType: 'degree' as const, itemId, associationId: null, note: '' };
    expect(await codeOf(service.submit(await f.curator(), input, evidence))).toBe('forbidden');
    const request = await service.submit(await f.expert(), input, evidence);
    expect(await codeOf(service.decide(await f.expert(), request.id, 'approve', undefined))).toBe('curation.not_curator');
  });
});
