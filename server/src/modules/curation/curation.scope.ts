import type { RequestContext } from '../../app/request-context.js';
import type { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { curationErrors } from './curation.errors.js';

/**
 * Which associations a curator may act on: admins and curators of the Union act on every
 * association and on the Union's own queue; a curator of an association only on that one.
 */
export type CuratorScope = { all: true; userId: string } | { all: false; userId: string; associationIds: string[] };

export async function curatorScope(ctx: RequestContext, organisations: OrganisationsRepository): Promise<CuratorScope> {
  const actor = ctx.actor;
  if (!actor) throw curationErrors.notCurator();
  if (actor.role === 'admin') return { all: true, userId: actor.userId };
  if (actor.role !== 'curator' || !actor.organisationId) throw curationErrors.notCurator();
  const org = await organisations.findById(actor.organisationId);
  if (org?.kind === 'union') return { all: true, userId: actor.userId };
  if (org?.kind === 'association') return { all: false, userId: actor.userId, associationIds: [org.id] };
  throw curationErrors.notCurator();
}

/** `associationId` null is the Union's own queue. */
export const inScope = (scope: CuratorScope, associationId: string | null) =>
  scope.all || (associationId !== null && scope.associationIds.includes(associationId));
