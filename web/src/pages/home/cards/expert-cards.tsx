import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../../api/api-error';
import { curationKeys, listMyMemberships, listMyVerifications } from '../../../api/curation.api';
import { getOwnProfile, ownProfileKey } from '../../../api/profiles.api';
import { Loading } from '../../../components/loading';
import { useTranslation } from '../../../i18n/use-translation';
import { Fact, HomeCard } from '../home-card';

/** Completeness and what is left to fill in (the editor lists the hints themselves). */
export function ProfileCard() {
  const { t } = useTranslation();
  const profile = useQuery({ queryKey: ownProfileKey, queryFn: getOwnProfile });
  const none = isApiError(profile.error) && profile.error.code === 'profiles.no_own_profile';
  return (
    <HomeCard
      title={t('roleHome.profile.title')}
      action={{ to: '/profile/edit', label: t('roleHome.profile.action') }}
      testId="home-card-profile"
    >
      {profile.data ? (
        <>
          <dl className="facts">
            <Fact label={t('roleHome.profile.completeness')} value={`${profile.data.completeness.score}%`} />
          </dl>
          <p>
            {profile.data.completeness.hints.length
              ? t('roleHome.profile.hints', { count: profile.data.completeness.hints.length })
              : t('roleHome.profile.complete')}
          </p>
        </>
      ) : none ? (
        <p>{t('roleHome.profile.noProfile')}</p>
      ) : profile.isError ? (
        <p>{t('roleHome.loadFailed')}</p>
      ) : (
        <Loading />
      )}
    </HomeCard>
  );
}

/** Associations joined or applied to, and where the verification requests stand. */
export function MembershipsCard() {
  const { t } = useTranslation();
  const memberships = useQuery({ queryKey: curationKeys.myMemberships, queryFn: listMyMemberships });
  const verifications = useQuery({ queryKey: curationKeys.myVerifications, queryFn: listMyVerifications });
  const count = <T extends { status: string }>(items: T[] | undefined, status: string) =>
    items?.filter((i) => i.status === status).length ?? 0;
  const m = memberships.data?.items;
  const v = verifications.data?.items;
  return (
    <HomeCard
      title={t('roleHome.memberships.title')}
      action={{ to: '/account/memberships', label: t('roleHome.memberships.action') }}
      testId="home-card-memberships"
    >
      {memberships.isPending || verifications.isPending ? (
        <Loading />
      ) : memberships.isError || verifications.isError ? (
        <p>{t('roleHome.loadFailed')}</p>
      ) : (
        <dl className="facts">
          <Fact label={t('roleHome.memberships.approved')} value={count(m, 'approved')} />
          <Fact label={t('roleHome.memberships.pending')} value={count(m, 'pending')} />
          <Fact label={t('roleHome.memberships.verificationsPending')} value={count(v, 'pending')} />
          <Fact
            label={t('roleHome.memberships.verificationsChanges')}
            value={count(v, 'changes_requested')}
            warn={count(v, 'changes_requested') > 0}
          />
          <Fact label={t('roleHome.memberships.verified')} value={count(v, 'approved')} />
        </dl>
      )}
    </HomeCard>
  );
}
