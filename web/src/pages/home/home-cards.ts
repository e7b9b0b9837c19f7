import type { Me } from '@hpen/server/contracts';
import type { ComponentType } from 'react';
import { AuditCard, SystemHealthCard, UsersCard } from './cards/admin-cards';
import { MembershipsCard, ProfileCard } from './cards/expert-cards';
import { CasesCard, InvitationsCard } from './cards/consultation-cards';
import { SecurityCard } from './cards/security-card';
import { CurationQueuesCard, SearchCard, ShortlistsCard } from './cards/staff-cards';

type Role = Me['role'];

export interface HomeCardEntry {
  id: string;
  /** The roles whose home shows the card. */
  roles: readonly Role[];
  Card: ComponentType;
}

/**
 * Each role's home after sign-in, in order. A module adds its card here (consultations,
 * programs, awards when they land): a card shows what waits for the user and links to it;
 * it never announces a feature that does not exist yet.
 */
export const homeCards: readonly HomeCardEntry[] = [
  { id: 'security', roles: ['admin', 'agency', 'curator', 'officer'], Card: SecurityCard },
  { id: 'profile', roles: ['expert'], Card: ProfileCard },
  { id: 'invitations', roles: ['expert'], Card: InvitationsCard },
  { id: 'memberships', roles: ['expert'], Card: MembershipsCard },
  { id: 'cases', roles: ['agency', 'curator'], Card: CasesCard },
  { id: 'curation-queues', roles: ['curator', 'admin'], Card: CurationQueuesCard },
  { id: 'search', roles: ['agency', 'officer', 'curator', 'admin'], Card: SearchCard },
  { id: 'shortlists', roles: ['agency', 'officer'], Card: ShortlistsCard },
  { id: 'users', roles: ['admin'], Card: UsersCard },
  { id: 'system-health', roles: ['admin'], Card: SystemHealthCard },
  { id: 'audit', roles: ['admin'], Card: AuditCard },
];

export const cardsFor = (role: Role) => homeCards.filter((card) => card.roles.includes(role));
