import { lazy, Suspense } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/api-error';
import { getExpert } from '../../api/profiles.api';
import { isStaff } from '../../auth/staff';
import { useSession } from '../../auth/use-session';
import { ExpertProfileView } from '../../components/expert-profile/expert-profile-view';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { usePageTitle } from '../../lib/use-page-title';
import '../../i18n/parts/profile';
import '../../i18n/parts/profile-values';
import '../../i18n/parts/curation';

/** Only staff add to shortlists: visitors do not download the form (nor zod). */
const AddToShortlist = lazy(async () => ({ default: (await import('../shortlists/add-to-shortlist')).AddToShortlist }));
/** Staff only: the programs that fit this expert, from what the expert shares with agencies (its own chunk and messages). */
const StaffEligibilityPanel = lazy(async () => {
  const [panel, { messagesReady }] = await Promise.all([
    import('../programs/staff-eligibility-panel'),
    import('../../i18n/parts/add-messages'),
  ]);
  await messagesReady();
  return { default: panel.StaffEligibilityPanel };
});

/** Not found, hidden from this viewer, or not an id at all: the same page for all three. */
const isMissing = (error: unknown) => isApiError(error) && (error.status === 404 || error.status === 400);

/** An expert's profile as the viewer may see it; printable (see print.css). */
export function ExpertPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useSession();
  // The view depends on who asks: wait for the session, and key the cache by the viewer.
  const expert = useQuery({
    queryKey: ['experts', id, session.user?.id ?? 'anonymous'],
    queryFn: () => getExpert(id),
    enabled: session.status !== 'loading',
  });
  usePageTitle(expert.data?.fullName ?? (expert.isError && isMissing(expert.error) ? t('expert.notFoundTitle') : ''));

  if (session.status === 'loading' || expert.isPending) return <Loading />;
  if (expert.isError) {
    if (isMissing(expert.error)) return <ExpertNotFound />;
    return (
      <div className="page">
        <QueryError error={expert.error} onRetry={() => void expert.refetch()} />
      </div>
    );
  }
  const view = expert.data;
  return (
    <div className="page expert-page">
      <div className="page-tools no-print">
        {view.audience === 'owner' ? (
          <Link className="button-secondary button-small" to="/profile/edit">
            {t('expert.editLink')}
          </Link>
        ) : null}
        {isStaff(session.user) && view.audience === 'agencies' ? (
          <Suspense fallback={null}>
            <AddToShortlist profileId={view.id} expertName={view.fullName} />
          </Suspense>
        ) : null}
        <button type="button" className="button-secondary button-small" onClick={() => window.print()}>
          {t('expert.printButton')}
        </button>
      </div>
      {view.audience !== 'public' ? (
        <p className="notice notice-info no-print">
          {view.audience === 'owner' ? t('expert.audienceOwner') : t('expert.audienceAgencies')}
        </p>
      ) : null}
      <div className="panel">
        <ExpertProfileView view={view} headingLevel={1} />
      </div>
      {isStaff(session.user) && view.audience === 'agencies' ? (
        <Suspense fallback={null}>
          <StaffEligibilityPanel profileId={view.id} />
        </Suspense>
      ) : null}
    </div>
  );
}

function ExpertNotFound() {
  const { t } = useTranslation();
  return (
    <section className="page page-narrow" data-testid="not-found">
      <p className="status-code" aria-hidden="true">
        404
      </p>
      <h1>{t('expert.notFoundTitle')}</h1>
      <p>{t('expert.notFoundBody')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </section>
  );
}
