import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { disableTotp, getMfaStatus, regenerateRecoveryCodes } from '../../api/mfa.api';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { PasswordField, TextField } from '../../forms/fields';
import { FormMessage, SubmitButton } from '../../forms/form-parts';
import { useZodForm } from '../../forms/use-zod-form';
import { useSession } from '../../auth/use-session';
import { useTranslation } from '../../i18n/use-translation';
import { MfaPolicyForm } from './mfa-policy-form';
import { RecoveryCodes } from './recovery-codes';
import { TotpEnrolment } from './totp-enrolment';
import '../../i18n/parts/security';

export const mfaStatusKey = ['me', 'mfa'] as const;

/** Two-step sign-in: set up with an authenticator app, recovery codes, turning it off. */
export function SecurityPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const location = useLocation();
  const ref = useRef<HTMLElement>(null);
  const session = useSession();
  const status = useQuery({ queryKey: mfaStatusKey, queryFn: getMfaStatus });
  const [codes, setCodes] = useState<string[] | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: mfaStatusKey });

  // Admins sent here to set it up land on this section, not the top of the page.
  useEffect(() => {
    if (location.hash === '#security') ref.current?.scrollIntoView({ block: 'start' });
  }, [location.hash]);

  const data = status.data;
  return (
    <section className="panel" id="security" ref={ref} aria-labelledby="security-title" data-testid="security-panel">
      <h2 id="security-title">{t('security.title')}</h2>
      <p className="muted">{t('security.intro')}</p>
      {status.isPending ? <Loading /> : null}
      {status.isError ? <QueryError error={status.error} onRetry={() => void status.refetch()} /> : null}
      {data?.required && !data.totpEnabled ? (
        <p className="notice notice-error" role="alert">
          {t('security.requiredNotice')}
        </p>
      ) : null}
      {codes ? (
        <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />
      ) : data && !data.totpEnabled ? (
        <TotpEnrolment
          onEnabled={(fresh) => {
            setCodes(fresh);
            void refresh();
          }}
        />
      ) : data ? (
        <>
          <p>
            <span className="badge badge-ok">{t('security.on')}</span> {t('security.codesLeft', { count: data.recoveryCodesLeft })}
          </p>
          <RegenerateCodesForm
            onDone={(fresh) => {
              setCodes(fresh);
              void refresh();
            }}
          />
          {data.required ? <p className="muted">{t('security.cannotDisable')}</p> : <DisableForm onDone={() => void refresh()} />}
          {session.user?.role === 'admin' ? <MfaPolicyForm /> : null}
        </>
      ) : null}
    </section>
  );
}

function RegenerateCodesForm({ onDone }: { onDone: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const form = useZodForm(async () => (await import('./account-schemas')).regenerateCodesBodySchema, { code: '' });
  const mutation = useMutation({
    mutationFn: (code: string) => regenerateRecoveryCodes(code),
    onError: (error) => form.applyError(error),
    onSuccess: (result) => onDone(result.recoveryCodes),
  });
  return (
    <form onSubmit={form.handleSubmit((data) => mutation.mutate(data.code))} noValidate className="form">
      <h3>{t('security.regenerateTitle')}</h3>
      <FormMessage kind="error">{form.formError}</FormMessage>
      <TextField {...form.field('code')} label={t('security.codeOrRecovery')} autoComplete="one-time-code" required />
      <SubmitButton pending={mutation.isPending} className="button-secondary">
        {t('security.regenerate')}
      </SubmitButton>
    </form>
  );
}

function DisableForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const form = useZodForm(async () => (await import('./account-schemas')).totpDisableBodySchema, { password: '', code: '' });
  const mutation = useMutation({ mutationFn: disableTotp, onError: (error) => form.applyError(error), onSuccess: onDone });
  return (
    <form onSubmit={form.handleSubmit((data) => mutation.mutate(data))} noValidate className="form">
      <h3>{t('security.disableTitle')}</h3>
      <FormMessage kind="error">{form.formError}</FormMessage>
      <PasswordField {...form.field('password')} label={t('fields.password')} autoComplete="current-password" required />
      <TextField {...form.field('code')} label={t('security.codeOrRecovery')} autoComplete="one-time-code" required />
      <SubmitButton pending={mutation.isPending} className="button-secondary">
        {t('security.disable')}
      </SubmitButton>
    </form>
  );
}
