import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { getProfileHistory, profileHistoryKey, type ProfileVersion } from '../../api/profiles.api';
import { useSession } from '../../auth/use-session';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { translator } from '../../i18n/translator';
import { useTranslation } from '../../i18n/use-translation';
import { formatDateTime } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';

/** Loaded when opened: most people never look, and it grows with every save. */
export function HistoryPanel() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details className="panel history-panel" data-testid="profile-history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <h2>{t('profile.history.title')}</h2>
      </summary>
      <p className="muted">{t('profile.history.intro')}</p>
      {open ? <HistoryList /> : null}
    </details>
  );
}

function HistoryList() {
  const { t } = useTranslation();
  const history = useQuery({ queryKey: profileHistoryKey, queryFn: getProfileHistory });
  if (history.isPending) return <Loading />;
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  const items = [...history.data.items].sort((a, b) => b.version - a.version);
  if (items.length === 0) return <p>{t('profile.history.none')}</p>;
  return (
    <ol className="history-list">
      {items.map((item) => (
        <HistoryItem key={item.version} item={item} />
      ))}
    </ol>
  );
}

function HistoryItem({ item }: { item: ProfileVersion }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSession();
  const who =
    item.actorUserId && item.actorUserId === session.user?.id
      ? t('profile.history.byYou')
      : item.actorRole && translator.exists(`roles.${item.actorRole}`)
        ? (t(`roles.${item.actorRole}` as never) as string)
        : t('profile.history.bySystem');
  return (
    <li className="history-item" data-version={item.version}>
      <p className="history-meta">
        <strong>{t('profile.history.version', { version: item.version })}</strong> · {formatDateTime(item.createdAt, language)} · {who}
      </p>
      <p className="history-changes">
        {item.changes.length ? item.changes.map((c) => changeLabel(c.field)).join(', ') : t('profile.history.created')}
      </p>
    </li>
  );
}

/** `bio` → "Giới thiệu"; `visibility.contact` → "Chế độ hiển thị: Thông tin liên hệ". */
function changeLabel(field: string): string {
  const t = translator.t;
  const [head, section] = field.split('.');
  if (head === 'visibility' && section && translator.exists(`profile.sections.${section}`)) {
    return t('profile.labels.visibility', { section: t(`profile.sections.${section}` as never) as string });
  }
  return translator.exists(`profile.labels.${field}`) ? (t(`profile.labels.${field}` as never) as string) : field;
}
