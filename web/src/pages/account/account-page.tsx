import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { getMe } from '../../api/me.api';
import { updateSessionUser } from '../../auth/session-store';
import { useSession } from '../../auth/use-session';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate, organisationName } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { ClaimableProfilesPanel } from '../profile/claimable-profiles-panel';
import { ChangePasswordForm } from './change-password-form';
import { ProfileForm } from './profile-form';
import { SecurityPanel } from './security-panel';
import { SessionsPanel } from './sessions-panel';
import { NoticeReviewPrompt } from '../privacy/notice-review-prompt';
import '../../i18n/parts/profile';
import '../../i18n/parts/account';

export function useMe() {
  const session = useSession();
  return useQuery({ queryKey: ['me'], queryFn: getMe, placeholderData: session.user ?? undefined });
}

export function AccountPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe();
  usePageTitle(t('account.title'));

  // The session's copy of the user feeds the header; keep it in step with the fresh one.
  useEffect(() => {
    if (me.data && !me.isPlaceholderData) updateSessionUser(me.data);
  }, [me.data, me.isPlaceholderData]);

  if (me.isPending) return <Loading />;
  if (me.isError && !me.data) return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  const user = me.data;
  if (!user) return <Loading />;

  return (
    <div className="page">
      <h1>{t('account.title')}</h1>
      <NoticeReviewPrompt />
      <section className="panel" aria-labelledby="account-summary">
        <h2 id="account-summary">{t('account.summary')}</h2>
        <dl className="details-list">
          <div className="details-wide">
            <dt>{t('account.email')}</dt>
            <dd>
              <span data-testid="account-email">{user.email}</span>{' '}
              <span className={user.emailVerified ? 'badge badge-ok' : 'badge badge-warn'}>
                {user.emailVerified ? t('account.emailVerified') : t('account.emailNotVerified')}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('account.role')}</dt>
            <dd data-testid="account-role">{t(`roles.${user.role}`)}</dd>
          </div>
          <div>
            <dt>{t('account.organisation')}</dt>
            <dd data-testid="account-organisation">
              {user.organisation ? organisationName(user.organisation, language) : t('account.noOrganisation')}
            </dd>
          </div>
          <div>
            <dt>{t('account.status')}</dt>
            <dd>{t(`statuses.${user.status}`)}</dd>
          </div>
          <div>
            <dt>{t('account.memberSince')}</dt>
            <dd>{formatDate(user.createdAt, language)}</dd>
          </div>
        </dl>
      </section>
      <div className="two-columns">
        <ProfileForm key={user.id} user={user} />
        <ChangePasswordForm />
      </div>
      <SecurityPanel />
      <SessionsPanel />
      {user.role === 'expert' ? <ClaimableProfilesPanel /> : null}
      <section className="panel" aria-labelledby="data-title">
        <h2 id="data-title">{t('account.dataTitle')}</h2>
        <p>{t('account.dataBody')}</p>
        <p className="form-actions">
          <Link className="button-secondary" to="/account/data" data-testid="account-data-link">
            {t('account.dataLink')}
          </Link>
          <Link className="button-secondary" to="/account/privacy" data-testid="account-privacy-link">
            {t('nav.myPrivacy')}
          </Link>
          {user.role === 'expert' ? (
            <Link className="button-secondary" to="/profile/edit">
              {t('account.profileLink')}
            </Link>
          ) : null}
        </p>
      </section>
    </div>
  );
}
