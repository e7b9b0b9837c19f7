import { type MfaPolicy, mfaPolicyRoles } from '@hpen/server/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { getMfaPolicy, updateMfaPolicy } from '../../api/mfa.api';
import { CheckboxField } from '../../forms/fields';
import { FormMessage, SubmitButton } from '../../forms/form-parts';
import { describeError } from '../../i18n/describe-error';
import { useTranslation } from '../../i18n/use-translation';

const policyKey = ['admin', 'settings', 'mfa'] as const;

/** Admins only: which staff roles must use two-step sign-in (admins always must). */
export function MfaPolicyForm() {
  const policy = useQuery({ queryKey: policyKey, queryFn: getMfaPolicy });
  if (!policy.data) return null;
  return <PolicyForm key={policy.data.requiredRoles.join()} initial={policy.data} />;
}

function PolicyForm({ initial }: { initial: MfaPolicy }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [roles, setRoles] = useState(new Set(initial.requiredRoles));
  const save = useMutation({
    mutationFn: updateMfaPolicy,
    onSuccess: (saved) => queryClient.setQueryData(policyKey, saved),
  });
  const toggle = (role: MfaPolicy['requiredRoles'][number], on: boolean) => {
    const next = new Set(roles);
    if (on) next.add(role);
    else next.delete(role);
    setRoles(next);
  };
  return (
    <form
      className="form"
      data-testid="mfa-policy"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ requiredRoles: [...roles] });
      }}
    >
      <h3>{t('security.policyTitle')}</h3>
      <p className="muted">{t('security.policyIntro')}</p>
      <FormMessage kind="error">{save.isError ? describeError(save.error, t) : null}</FormMessage>
      <FormMessage kind="success">{save.isSuccess ? t('security.policySaved') : null}</FormMessage>
      {mfaPolicyRoles.map((role) => (
        <CheckboxField
          key={role}
          name={`role-${role}`}
          label={t(`roles.${role}`)}
          checked={roles.has(role)}
          onChange={(event) => toggle(role, event.target.checked)}
        />
      ))}
      <SubmitButton pending={save.isPending} className="button-secondary">
        {t('security.policySave')}
      </SubmitButton>
    </form>
  );
}
