import { verifyEmail } from '../../api/auth.api';
import { ResendVerificationForm } from '../../components/resend-verification-form';
import { FormMessage } from '../../forms/form-parts';
import { describeError } from '../../i18n/describe-error';
import { useTranslation } from '../../i18n/use-translation';
import { PendingLine, TokenPage, useTokenOnce } from './token-page';
import '../../i18n/parts/auth';

export function VerifyEmailPage() {
  const { t } = useTranslation();
  const verification = useTokenOnce('verify-email', verifyEmail);
  return (
    <TokenPage
      title={t('verify.title')}
      missingToken={t('verify.missingToken')}
      missingTokenExtra={<ResendVerificationForm />}
      done={
        verification.isSuccess ? { testId: 'verify-done', message: t('verify.done'), linkTo: '/sign-in', linkLabel: t('nav.signIn') } : null
      }
    >
      {() =>
        verification.isError ? (
          <>
            <FormMessage kind="error">{describeError(verification.error, t)}</FormMessage>
            <ResendVerificationForm />
          </>
        ) : (
          <PendingLine label={t('verify.pending')} />
        )
      }
    </TokenPage>
  );
}
