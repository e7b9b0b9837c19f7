import { useQuery } from '@tanstack/react-query';
import { curationKeys, listMyVerifications } from '../../api/curation.api';
import { getOwnProfile, ownProfileKey } from '../../api/profiles.api';
import { useSession } from '../../auth/use-session';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { usePageTitle } from '../../lib/use-page-title';
import { MembershipTabs } from './membership-tabs';
import { MyVerifications } from './my-verifications';
import { VerificationForm } from './verification-form';
import '../../i18n/parts/curation';
import '../../i18n/parts/profile-values';

/** `/profile/verification`: ask to verify a degree, the academic title or a position; follow the requests. */
export function VerificationPage() {
  const { t } = useTranslation();
  const user = useSession().user;
  usePageTitle(t('verification.title'));
  return (
    <div className="page">
      <MembershipTabs />
      <h1>{t('verification.title')}</h1>
      <p className="lead">{t('verification.intro')}</p>
      {user?.role === 'expert' ? <Verification /> : <p className="notice notice-info">{t('membership.expertsOnly')}</p>}
    </div>
  );
}

function Verification() {
  const profile = useQuery({ queryKey: ownProfileKey, queryFn: getOwnProfile });
  const mine = useQuery({ queryKey: curationKeys.myVerifications, queryFn: listMyVerifications });
  if (profile.isPending) return <Loading />;
  if (profile.isError) return <QueryError error={profile.error} onRetry={() => void profile.refetch()} />;
  return (
    <div className="two-columns">
      <VerificationForm profile={profile.data} requests={mine.data?.items ?? []} />
      <section className="panel" aria-labelledby="my-verifications-title">
        <MyVerifications query={mine} />
      </section>
    </div>
  );
}
