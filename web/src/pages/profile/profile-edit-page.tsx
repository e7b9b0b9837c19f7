import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error';
import { getOwnProfile, ownProfileKey } from '../../api/profiles.api';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { usePageTitle } from '../../lib/use-page-title';
import { ProfileEditor } from './profile-editor';
import '../../i18n/parts/profile';
import '../../i18n/parts/profile-values';
import '../../i18n/parts/curation';

/** /profile/edit: the signed-in expert's own profile. Staff accounts have none. */
export function ProfileEditPage() {
  const { t } = useTranslation();
  usePageTitle(t('profile.editTitle'));
  const profile = useQuery({ queryKey: ownProfileKey, queryFn: getOwnProfile });

  if (profile.isPending) return <Loading />;
  // A failed background refetch keeps the loaded profile (and the user's drafts) on screen.
  if (profile.data) return <ProfileEditor profile={profile.data} />;
  if (isApiError(profile.error) && profile.error.code === 'profiles.no_own_profile') {
    return (
      <section className="page page-narrow" data-testid="no-profile">
        <h1>{t('profile.editTitle')}</h1>
        <p className="notice notice-info">{t('profile.noProfile')}</p>
      </section>
    );
  }
  return (
    <div className="page">
      <QueryError error={profile.error} onRetry={() => void profile.refetch()} />
    </div>
  );
}
