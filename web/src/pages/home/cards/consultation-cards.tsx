import { useQuery } from '@tanstack/react-query';
import { consultationKeys, listConsultations, listInvitations } from '../../../api/consultations.api';
import { Loading } from '../../../components/loading';
import { useTranslation } from '../../../i18n/use-translation';
import { Fact, HomeCard } from '../home-card';

/** An expert's consultation work: invitations to answer, reviews still to submit. */
export function InvitationsCard() {
  const { t } = useTranslation();
  const inbox = useQuery({ queryKey: consultationKeys.invitations, queryFn: listInvitations });
  const items = inbox.data?.items ?? [];
  const open = ['in_review', 'panel_forming'];
  const toReview = items.filter((i) => i.status === 'accepted' && !i.reviewSubmitted && open.includes(i.caseStatus)).length;
  return (
    <HomeCard
      title={t('roleHome.invitations.title')}
      action={{ to: '/consultations/invitations', label: t('roleHome.invitations.action') }}
      testId="home-card-invitations"
    >
      {inbox.isPending ? (
        <Loading />
      ) : inbox.isError ? (
        <p>{t('roleHome.loadFailed')}</p>
      ) : items.length === 0 ? (
        <p>{t('roleHome.invitations.none')}</p>
      ) : (
        <dl className="facts">
          <Fact label={t('roleHome.invitations.waiting')} value={items.filter((i) => i.status === 'invited').length} />
          <Fact label={t('roleHome.invitations.toReview')} value={toReview} />
        </dl>
      )}
    </HomeCard>
  );
}

/** Staff's consultation cases: how many are open, and how many wait for their reply. */
export function CasesCard() {
  const { t } = useTranslation();
  const cases = useQuery({ queryKey: consultationKeys.list, queryFn: listConsultations });
  const items = cases.data?.items ?? [];
  const closed = ['closed', 'cancelled'];
  return (
    <HomeCard
      title={t('roleHome.cases.title')}
      action={{ to: '/consultations', label: t('roleHome.cases.action') }}
      testId="home-card-cases"
    >
      {cases.isPending ? (
        <Loading />
      ) : cases.isError ? (
        <p>{t('roleHome.loadFailed')}</p>
      ) : items.length === 0 ? (
        <p>{t('roleHome.cases.none')}</p>
      ) : (
        <dl className="facts">
          <Fact label={t('roleHome.cases.open')} value={items.filter((c) => !closed.includes(c.status)).length} />
          <Fact label={t('roleHome.cases.sent')} value={items.filter((c) => c.status === 'sent').length} />
        </dl>
      )}
    </HomeCard>
  );
}
