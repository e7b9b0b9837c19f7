import type { OwnProfile } from '@hpen/server/contracts';
import { ExpertProfileView } from '../../components/expert-profile/expert-profile-view';
import { projectForAudience, type PreviewAudience } from '../../components/expert-profile/project-profile';
import { useTranslation } from '../../i18n/use-translation';

interface Props {
  profile: OwnProfile;
  audience: PreviewAudience;
  hasUnsaved: boolean;
}

/** The saved profile through the audience's eyes, framed and labelled so it is never mistaken for the real page. */
export function ProfilePreview({ profile, audience, hasUnsaved }: Props) {
  const { t } = useTranslation();
  const view = projectForAudience(profile, audience);
  return (
    <section className="profile-preview" aria-labelledby="preview-banner" data-testid="profile-preview" data-audience={audience}>
      <p id="preview-banner" className="preview-banner">
        <span className="preview-tag">{t('profile.preview.tag')}</span>
        {audience === 'public' ? t('profile.preview.bannerPublic') : t('profile.preview.bannerAgencies')}
      </p>
      {hasUnsaved ? <p className="notice notice-info">{t('profile.preview.unsavedNote')}</p> : null}
      {view ? (
        <div className="preview-frame">
          <ExpertProfileView view={view} headingLevel={2} />
        </div>
      ) : (
        <p className="notice notice-info">{t('profile.preview.hidden')}</p>
      )}
    </section>
  );
}
