import { membershipStatuses } from '@hpen/server/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  curationKeys,
  decideMembership,
  downloadMembersCsv,
  listMembers,
  type Member,
  type MembershipStatus,
} from '../../api/curation.api';
import { Loading } from '../../components/loading';
import { Pagination } from '../../components/pagination';
import { QueryError } from '../../components/query-error';
import { SelectField, TextField } from '../../forms/fields';
import { FormMessage } from '../../forms/form-parts';
import { describeError } from '../../i18n/describe-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate } from '../../lib/format';
import { degreeLabel } from '../../lib/reference-labels';
import { saveFile } from '../../lib/save-file';
import { useDebouncedEffect } from '../../lib/use-debounced-effect';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { academicTitleLabel } from '../../components/curation/curation-labels';
import { DecisionForm } from './decision-form';
import { useScopedAssociationOptions } from './use-curation';
import { MembershipStatusBadge } from '../../components/curation/status-badges';

/** Applications to decide and the member list of one association in the curator's scope. */
export function MembersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { options, query } = useScopedAssociationOptions();
  usePageTitle(t('curation.members.title'));
  // An association's own curators have one association: no need to choose.
  const associationId = params.get('associationId') ?? (options.length === 1 ? options[0]!.value : '');

  return (
    <>
      <h1>{t('curation.members.title')}</h1>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <div className="panel toolbar-panel">
        <SelectField
          name="associationId"
          label={t('curation.members.association')}
          value={associationId}
          placeholder={t('curation.members.chooseAssociation')}
          options={options}
          onChange={(event) => setParams(event.target.value ? { associationId: event.target.value } : {})}
        />
      </div>
      {associationId ? (
        <>
          <PendingApplications key={`pending-${associationId}`} associationId={associationId} />
          <MemberList key={`members-${associationId}`} associationId={associationId} />
        </>
      ) : (
        <p className="muted">{t('curation.members.chooseFirst')}</p>
      )}
    </>
  );
}

function PendingApplications({ associationId }: { associationId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const query = { status: 'pending', page, pageSize: MEMBERS_PAGE } as const;
  const pending = useQuery({
    queryKey: curationKeys.members(associationId, query),
    queryFn: () => listMembers(associationId, query),
    placeholderData: keepPreviousData,
  });
  const [done, setDone] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby="pending-title">
      <h2 id="pending-title">{t('curation.members.pendingTitle')}</h2>
      <FormMessage kind="success">{done}</FormMessage>
      {pending.isPending ? <Loading /> : null}
      {pending.isError ? <QueryError error={pending.error} onRetry={() => void pending.refetch()} /> : null}
      {pending.data?.items.length === 0 ? <p>{t('curation.members.pendingNone')}</p> : null}
      <ul className="card-list">
        {pending.data?.items.map((member) => (
          <Application key={member.id} member={member} onDone={setDone} />
        ))}
      </ul>
      {pending.data ? <Pagination page={page} pageSize={MEMBERS_PAGE} total={pending.data.total} onPage={setPage} /> : null}
    </section>
  );
}

function Application({ member, onDone }: { member: Member; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (body: { decision: 'approve' | 'reject'; reason?: string | undefined }) => decideMembership(member.id, body),
    onSuccess: (_result, body) => {
      onDone(
        t(body.decision === 'approve' ? 'curation.members.approved' : 'curation.members.rejected', {
          name: member.fullName ?? t('curation.members.notShared'),
        }),
      );
      // The member counts on /associations change too.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: curationKeys.all }),
        queryClient.invalidateQueries({ queryKey: curationKeys.associations }),
      ]);
    },
  });
  return (
    <li className="application" data-testid="membership-application">
      <p className="cell-title">{member.fullName ?? t('curation.members.notShared')}</p>
      <p className="cell-sub">
        {[academicTitleLabel(t, member.academicTitle), degreeLabel(member.highestDegree, language), member.contactEmail]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p className="cell-sub">{t('curation.members.appliedAt', { date: formatDate(member.createdAt, language) })}</p>
      {member.message ? <p className="quote">{t('curation.members.message', { message: member.message })}</p> : null}
      <DecisionForm<'approve' | 'reject'>
        loadSchema={async () => (await import('./decision-schemas')).decisionBodySchema}
        subject={member.fullName ?? t('curation.members.notShared')}
        pending={decide.isPending}
        error={decide.error}
        onDecide={(body) => {
          decide.reset();
          decide.mutate(body);
        }}
        choices={[
          { value: 'approve', label: t('curation.members.approve'), testId: 'approve', className: 'button-primary button-small' },
          { value: 'reject', label: t('curation.members.reject'), testId: 'reject', className: 'button-danger button-small' },
        ]}
      />
    </li>
  );
}

const MEMBERS_PAGE = 50;
const listStatuses = membershipStatuses.filter((s) => s !== 'pending');

function MemberList({ associationId }: { associationId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [status, setStatus] = useState<MembershipStatus>('approved');
  // An association may have tens of thousands of members (imports): the API pages and filters.
  const [page, setPage] = useState(1);
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  useDebouncedEffect(text.trim(), 250, (value) => {
    setName(value);
    setPage(1);
  });
  const query = { status, q: name, page, pageSize: MEMBERS_PAGE };
  const members = useQuery({
    queryKey: curationKeys.members(associationId, query),
    queryFn: () => listMembers(associationId, query),
    placeholderData: keepPreviousData,
  });
  const exportCsv = useMutation({
    mutationFn: async () => {
      const file = await downloadMembersCsv(associationId);
      saveFile(file);
      return file.filename;
    },
  });
  return (
    <section className="panel" aria-labelledby="members-title">
      <div className="section-head-row">
        <h2 id="members-title">{t('curation.members.listTitle')}</h2>
        <button
          type="button"
          className="button-secondary button-small"
          data-testid="members-csv"
          disabled={exportCsv.isPending}
          onClick={() => exportCsv.mutate()}
        >
          {t('curation.members.exportCsv')}
        </button>
      </div>
      <FormMessage kind="error">{exportCsv.isError ? describeError(exportCsv.error, t) : null}</FormMessage>
      <FormMessage kind="success">{exportCsv.isSuccess ? t('curation.members.exported', { file: exportCsv.data }) : null}</FormMessage>
      <div className="filters">
        <SelectField
          name="status"
          label={t('curation.members.listStatus')}
          value={status}
          options={listStatuses.map((s) => ({ value: s, label: t(`membership.status.${s}`) }))}
          onChange={(event) => {
            setStatus(event.target.value as MembershipStatus);
            setPage(1);
          }}
        />
        <TextField
          name="memberName"
          type="search"
          label={t('curation.members.findName')}
          value={text}
          maxLength={100}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      {members.data ? (
        <p className="muted" data-testid="members-total">
          {t('curation.members.total', { count: members.data.total })}
        </p>
      ) : null}
      {members.isPending ? <Loading /> : null}
      {members.isError ? <QueryError error={members.error} onRetry={() => void members.refetch()} /> : null}
      {members.data?.items.length === 0 ? <p>{t('curation.members.listNone')}</p> : null}
      {members.data && members.data.items.length > 0 ? (
        <table className="data-table responsive-table">
          <thead>
            <tr>
              <th scope="col">{t('curation.members.colName')}</th>
              <th scope="col">{t('curation.members.colDegree')}</th>
              <th scope="col">{t('curation.members.colEmail')}</th>
              <th scope="col">{t('curation.members.colSource')}</th>
              <th scope="col">{t('curation.members.colSince')}</th>
              <th scope="col">{t('curation.members.colAccount')}</th>
            </tr>
          </thead>
          <tbody>
            {members.data.items.map((m) => (
              <tr key={m.id} data-testid="member-row">
                <th scope="row" data-label={t('curation.members.colName')}>
                  <span className="cell-title">{m.fullName}</span>
                  {m.reason ? <span className="cell-sub">{t('membership.reason', { reason: m.reason })}</span> : null}
                </th>
                <td data-label={t('curation.members.colDegree')}>
                  {[academicTitleLabel(t, m.academicTitle), degreeLabel(m.highestDegree, language)].filter(Boolean).join(', ') || '—'}
                </td>
                <td data-label={t('curation.members.colEmail')}>{m.contactEmail ?? '—'}</td>
                <td data-label={t('curation.members.colSource')}>
                  {m.source === 'import' || m.source === 'application' ? t(`curation.members.source.${m.source}`) : m.source}
                </td>
                <td data-label={t('curation.members.colSince')}>{formatDate(m.decidedAt ?? m.createdAt, language)}</td>
                <td data-label={t('curation.members.colAccount')}>
                  <MembershipStatusBadge status={m.status} />{' '}
                  <span className="muted">{m.claimed ? t('curation.members.claimed') : t('curation.members.unclaimed')}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {members.data ? <Pagination page={page} pageSize={MEMBERS_PAGE} total={members.data.total} onPage={setPage} /> : null}
    </section>
  );
}
