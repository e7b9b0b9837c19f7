import { toOrganisation } from '../organisations/organisations.service.js';
import type { UserWithOrganisation } from './users.repository.js';
import type { AdminUser, Me } from './users.schemas.js';

/** Explicit public shapes: a new private column can never leak through these. */
export const toMe = (u: UserWithOrganisation): Me => ({
  id: u.id,
  email: u.email,
  fullName: u.fullName,
  role: u.role,
  status: u.status,
  locale: u.locale,
  emailVerified: u.emailVerifiedAt !== null,
  organisation: u.organisation ? toOrganisation(u.organisation) : null,
  createdAt: u.createdAt.toISOString(),
});

export const toAdminUser = (u: UserWithOrganisation): AdminUser => ({
  id: u.id,
  email: u.email,
  fullName: u.fullName,
  role: u.role,
  status: u.status,
  emailVerified: u.emailVerifiedAt !== null,
  organisation: u.organisation ? toOrganisation(u.organisation) : null,
  lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
});
