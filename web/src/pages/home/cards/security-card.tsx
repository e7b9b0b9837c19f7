import { useQuery } from '@tanstack/react-query';
import { getMfaStatus } from '../../../api/mfa.api';
import { useTranslation } from '../../../i18n/use-translation';
import { HomeCard } from '../home-card';

/**
 * First on the home of anyone whose role must use two-step sign-in and has not turned it on:
 * until then the server refuses their work (admins always; staff roles an admin chose).
 */
export function SecurityCard() {
  const { t } = useTranslation();
  const status = useQuery({ queryKey: ['me', 'mfa'], queryFn: getMfaStatus });
  if (!status.data?.required || status.data.totpEnabled) return null;
  return (
    <HomeCard
      title={t('roleHome.security.title')}
      action={{ to: '/account#security', label: t('roleHome.security.action') }}
      testId="home-card-security"
    >
      <p>{t('roleHome.security.body')}</p>
    </HomeCard>
  );
}
