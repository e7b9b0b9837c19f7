import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture } from '../../../../tests/support/service-fixture.js';

/** The membership state machine, on the real database without HTTP. */
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

describe('memberships: apply → decide → leave', () => {
  it('moves pending → approved → left, each step once', async () => {
    const { membershipsService } = f.services;
    const expert = await f.expert();
    const applied = await membershipsService.apply(expert, associationId, 'Xin gia nhập');
    expect(applied.status).toBe('pending');
    expect(await codeOf(membershipsService.apply(expert, associationId, ''))).toBe('curation.membership_exists');
    const approved = await membershipsService.decide(await f.curator(), applied.id, 'approve', undefined);
    expect(approved.status).toBe('approved');
    expect(await codeOf(membershipsService.decide(await f.curator(), applied.id, 'reject', 'late'))).toBe('curation.already_decided');
    expect(await membershipsService.countPending(null)).toBe(0);
    expect((await membershipsService.leave(expert, associationId)).status).toBe('left');
    expect(await codeOf(membershipsService.leave(expert, associationId))).toBe('curation.not_member');
    // Leaving is not final: one may apply again.
    expect((await membershipsService.apply(expert, associationId, 'Lần nữa')).status).toBe('pending');
  });

  it('only an expert applies, and only a curator in scope decides', async () => {
    const { membershipsService } = f.services;
    expect(await codeOf(membershipsService.apply(await f.curator(), associationId, ''))).toBe('forbidden');
    const [pending] = (await membershipsService.myMemberships(await f.expert())).filter((m) => m.status === 'pending');
    expect(await codeOf(membershipsService.decide(await f.expert(), pending!.id, 'approve', undefined))).toBe('curation.not_curator');
  });
});

describe('memberships: an import proposes, the expert answers', () => {
  it('proposed → approved only by the expert; declining leaves them out; applying accepts a proposal', async () => {
    const { membershipsService, membershipsRepository } = f.services;
    const expert = await f.expert();
    const other = await f.organisationId('hoi-y-hoc');
    const [mine] = await membershipsService.myMemberships(expert);
    await f.db.transaction((tx) =>
      membershipsRepository.insertMany(tx, [{ associationId: other, profileId: mine!.profileId, status: 'proposed', source: 'import' }]),
    );
    expect(await codeOf(membershipsService.leave(expert, other))).toBe('curation.not_member');
    const accepted = await membershipsService.apply(expert, other, '');
    expect(accepted.status).toBe('approved');
    expect(await codeOf(membershipsService.answerProposal(expert, other, 'decline'))).toBe('curation.proposal_not_found');

    const third = await f.organisationId('hoi-hang-hai');
    await f.db.transaction((tx) =>
      membershipsRepository.insertMany(tx, [{ associationId: third, profileId: mine!.profileId, status: 'proposed', source: 'import' }]),
    );
    expect((await membershipsService.answerProposal(expert, third, 'decline')).status).toBe('rejected');
    expect(await membershipsRepository.approvedAssociationCodes([mine!.profileId])).toEqual(
      new Map([[mine!.profileId, expect.not.arrayContaining(['hoi-hang-hai'])]]),
    );
  });
});
