import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  answerProposal,
  applyForMembership,
  curationKeys,
  leaveAssociation,
  listMyMemberships,
  type MyMembership,
} from '../../api/curation.api';
import { useSession } from '../../auth/use-session';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { SelectField, TextAreaField } from '../../forms/fields';
import { FormMessage, SubmitButton } from '../../forms/form-parts';
import { useZodForm } from '../../forms/use-zod-form';
import { describeError } from '../../i18n/describe-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate, organisationName } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { memberAssociations, useAssociations } from '../../components/curation/use-associations';
import { MembershipStatusBadge } from '../../components/curation/status-badges';
import { MembershipTabs } from './membership-tabs';
import '../../i18n/parts/curation';
import '../../i18n/parts/profile-values';

/** `/account/memberships`: the expert's associations: apply, follow, leave. */
export function MyMembershipsPage() {
  const { t } = useTranslation();
  const user = useSession().user;
  usePageTitle(t('membership.title'));
  return (
    <div className="page">
      <MembershipTabs />
      <h1>{t('membership.title')}</h1>
      <p className="lead">{t('membership.intro')}</p>
      {user?.role === 'expert' ? <Memberships /> : <p className="notice notice-info">{t('membership.expertsOnly')}</p>}
    </div>
  );
}

function Memberships() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: curationKeys.myMemberships, queryFn: listMyMemberships });
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="two-columns">
      <ApplyForm memberships={mine.data?.items} />
      <section className="panel" aria-labelledby="my-memberships-title">
        <h2 id="my-memberships-title">{t('membership.listTitle')}</h2>
        <FormMessage kind="success">{notice}</FormMessage>
        {mine.isPending ? <Loading /> : null}
        {mine.isError ? <QueryError error={mine.error} onRetry={() => void mine.refetch()} /> : null}
        {mine.data?.items.length === 0 ? <p>{t('membership.none')}</p> : null}
        <ul className="card-list">
          {mine.data?.items.map((m) => (
            <MembershipItem key={m.id} membership={m} onLeft={setNotice} />
          ))}
        </ul>
      </section>
    </div>
  );
}

function ApplyForm({ memberships }: { memberships: MyMembership[] | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const associations = useAssociations();
  // An application waiting or a membership held cannot be sent again.
  const taken = new Set((memberships ?? []).filter((m) => m.status === 'pending' || m.status === 'approved').map((m) => m.associationId));
  const options = memberAssociations(associations.data?.items)
    .filter((a) => !taken.has(a.id))
    .map((a) => ({ value: a.id, label: organisationName(a, language) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
  const form = useZodForm(async () => (await import('./membership-schemas')).applyBodySchema, {
    associationId: params.get('apply') ?? '',
    message: '',
  });
  const apply = useMutation({
    mutationFn: applyForMembership,
    onError: form.applyError,
    onSuccess: () => {
      form.reset({ associationId: '', message: '' });
      return queryClient.invalidateQueries({ queryKey: curationKeys.myMemberships });
    },
  });
  const appliedTo = associations.data?.items.find((a) => a.id === apply.variables?.associationId);

  return (
    <section className="panel" aria-labelledby="apply-title">
      <h2 id="apply-title">{t('membership.applyTitle')}</h2>
      <form
        className="form"
        noValidate
        onSubmit={form.handleSubmit((body) => {
          apply.reset();
          apply.mutate(body);
        })}
      >
        <FormMessage kind="error">{form.formError}</FormMessage>
        <FormMessage kind="success" testId="membership-applied">
          {apply.isSuccess && appliedTo ? t('membership.applied', { name: organisationName(appliedTo, language) }) : null}
        </FormMessage>
        {associations.isSuccess && options.length === 0 ? <p className="muted">{t('membership.allJoined')}</p> : null}
        <SelectField
          {...form.field('associationId')}
          label={t('membership.associationId')}
          placeholder={t('membership.chooseAssociation')}
          options={options}
          required
        />
        <TextAreaField
          {...form.field('message')}
          label={t('membership.message')}
          hint={t('membership.messageHint')}
          rows={3}
          maxLength={1000}
        />
        <div className="form-actions">
          <SubmitButton pending={apply.isPending}>{t('membership.submit')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}

function MembershipItem({ membership: m, onLeft }: { membership: MyMembership; onLeft: (message: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const name = organisationName(m.association, language);
  const leave = useMutation({
    mutationFn: () => leaveAssociation(m.associationId),
    onSuccess: () => {
      onLeft(t('membership.left', { name }));
      return queryClient.invalidateQueries({ queryKey: curationKeys.myMemberships });
    },
  });
  const answer = useMutation({
    mutationFn: (choice: 'accept' | 'decline') => answerProposal(m.associationId, choice),
    onSuccess: (_row, choice) => {
      onLeft(t(choice === 'accept' ? 'membership.accepted' : 'membership.declined', { name }));
      return queryClient.invalidateQueries({ queryKey: curationKeys.myMemberships });
    },
  });
  const canLeave = m.status === 'approved' || m.status === 'pending';
  const confirmLeave = () => {
    if (window.confirm(t(m.status === 'pending' ? 'membership.confirmWithdraw' : 'membership.confirmLeave', { name }))) leave.mutate();
  };
  return (
    <li className="membership" data-testid="my-membership" data-status={m.status}>
      <div className="membership-head">
        <span className="cell-title">{name}</span>
        <MembershipStatusBadge status={m.status} />
      </div>
      <p className="cell-sub">
        {m.source === 'import' ? t('membership.importedBy') : t('membership.appliedAt', { date: formatDate(m.createdAt, language) })}
        {m.decidedAt ? ` · ${t('membership.decidedAt', { date: formatDate(m.decidedAt, language) })}` : ''}
      </p>
      {m.message ? <p className="cell-sub">{t('membership.yourMessage', { message: m.message })}</p> : null}
      {m.status === 'rejected' && m.reason ? <p className="notice notice-error">{t('membership.reason', { reason: m.reason })}</p> : null}
      {m.status === 'proposed' ? <p className="notice notice-info">{t('membership.proposal', { name })}</p> : null}
      <FormMessage kind="error">
        {leave.isError ? describeError(leave.error, t) : answer.isError ? describeError(answer.error, t) : null}
      </FormMessage>
      {m.status === 'proposed' ? (
        <div className="form-actions">
          <button type="button" className="button-primary button-small" disabled={answer.isPending} onClick={() => answer.mutate('accept')}>
            {t('membership.accept')}
            <span className="visually-hidden"> {name}</span>
          </button>
          <button
            type="button"
            className="button-secondary button-small"
            disabled={answer.isPending}
            onClick={() => answer.mutate('decline')}
          >
            {t('membership.decline')}
            <span className="visually-hidden"> {name}</span>
          </button>
        </div>
      ) : null}
      {canLeave ? (
        <button type="button" className="button-danger button-small" disabled={leave.isPending} onClick={confirmLeave}>
          {m.status === 'pending' ? t('membership.withdraw') : t('membership.leave')}
          <span className="visually-hidden"> {name}</span>
        </button>
      ) : null}
    </li>
  );
}
