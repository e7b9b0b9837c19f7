import { useAssociations } from '../../components/curation/use-associations';
import { useSession } from '../../auth/use-session';
import { organisationName } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';

/**
 * What the signed-in user may curate, mirroring the server's rule (curation.scope.ts): admins
 * and Union curators act on every association, an association's curators on theirs only. The
 * server decides; this only shapes the pages (which selects to offer, which tabs to show).
 */
export function useCuratorScope() {
  const user = useSession().user;
  const organisation = user?.organisation ?? null;
  const all = user?.role === 'admin' || (user?.role === 'curator' && organisation?.kind === 'union');
  const own = user?.role === 'curator' && organisation?.kind === 'association' ? organisation.id : null;
  return { isCurator: all || own !== null, all, associationId: own };
}

/** Member associations (not the Union) the user may curate, as <select> options. */
export function useScopedAssociationOptions() {
  const language = useLanguage();
  const scope = useCuratorScope();
  const associations = useAssociations();
  const options = (associations.data?.items ?? [])
    .filter((a) => a.kind === 'association' && (scope.all || a.id === scope.associationId))
    .map((a) => ({ value: a.id, label: organisationName(a, language) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
  return { options, query: associations, scope };
}

export { memberAssociations, useAssociations } from '../../components/curation/use-associations';
