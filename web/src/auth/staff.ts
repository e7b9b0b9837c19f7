import type { Me } from '@hpen/server/contracts';

/** Agency, curator, officer and admin accounts: the API's agency audience (search index, shortlists). */
export function isStaff(user: Pick<Me, 'role'> | null | undefined): boolean {
  return Boolean(user && user.role !== 'expert');
}
