import type { AdminUser } from '@hpen/server/contracts';
import { useMutation } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { updateUser } from '../../api/admin.api';
import { useTranslation } from '../../i18n/use-translation';
import { formatDateTime, organisationName } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { UserEditor } from './user-editor';

interface Props {
  users: AdminUser[];
  currentUserId: string | undefined;
  onChanged: (updated: AdminUser) => void;
  onError: (error: unknown) => void;
}

export function UsersTable({ users, currentUserId, onChanged, onError }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [editingId, setEditingId] = useState<string | null>(null);
  const toggle = useMutation({
    mutationFn: (user: AdminUser) => updateUser(user.id, { status: user.status === 'disabled' ? 'active' : 'disabled' }),
    onSuccess: onChanged,
    onError,
  });

  const toggleStatus = (user: AdminUser) => {
    if (user.status !== 'disabled' && !window.confirm(t('adminUsers.confirmDisable', { name: user.fullName }))) return;
    toggle.mutate(user);
  };

  return (
    <table className="data-table responsive-table">
      <thead>
        <tr>
          <th scope="col">{t('adminUsers.colUser')}</th>
          <th scope="col">{t('adminUsers.colRole')}</th>
          <th scope="col">{t('adminUsers.colOrganisation')}</th>
          <th scope="col">{t('adminUsers.colStatus')}</th>
          <th scope="col">{t('adminUsers.colLastSignIn')}</th>
          <th scope="col">{t('adminUsers.colActions')}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => {
          const self = user.id === currentUserId;
          return (
            <Fragment key={user.id}>
              <tr data-testid="user-row">
                <th scope="row" data-label={t('adminUsers.colUser')}>
                  <span className="cell-title">{user.fullName}</span>
                  <span className="cell-sub">{user.email}</span>
                  {user.emailVerified ? null : <span className="badge badge-warn">{t('adminUsers.unverified')}</span>}
                </th>
                <td data-label={t('adminUsers.colRole')}>{t(`roles.${user.role}`)}</td>
                <td data-label={t('adminUsers.colOrganisation')}>
                  {user.organisation ? organisationName(user.organisation, language) : '—'}
                </td>
                <td data-label={t('adminUsers.colStatus')}>
                  <span className={`badge badge-status-${user.status}`}>{t(`statuses.${user.status}`)}</span>
                </td>
                <td data-label={t('adminUsers.colLastSignIn')}>
                  {user.lastSignInAt ? formatDateTime(user.lastSignInAt, language) : t('adminUsers.never')}
                </td>
                <td data-label={t('adminUsers.colActions')}>
                  <div className="cell-actions">
                    <button
                      type="button"
                      className="button-secondary button-small"
                      aria-expanded={editingId === user.id}
                      disabled={self}
                      onClick={() => setEditingId(editingId === user.id ? null : user.id)}
                    >
                      {t('adminUsers.edit')}
                      <span className="visually-hidden"> {user.fullName}</span>
                    </button>
                    <button
                      type="button"
                      className={user.status === 'disabled' ? 'button-secondary button-small' : 'button-danger button-small'}
                      disabled={self || (toggle.isPending && toggle.variables?.id === user.id)}
                      onClick={() => toggleStatus(user)}
                    >
                      {user.status === 'disabled' ? t('adminUsers.enable') : t('adminUsers.disable')}
                      <span className="visually-hidden"> {user.fullName}</span>
                    </button>
                    <Link className="button-ghost button-small" to={`/admin/audit?actorUserId=${user.id}`}>
                      {t('adminUsers.viewAudit')}
                      <span className="visually-hidden"> {user.fullName}</span>
                    </Link>
                  </div>
                </td>
              </tr>
              {editingId === user.id ? (
                <tr className="editor-row">
                  <td colSpan={6}>
                    <UserEditor
                      user={user}
                      onDone={(updated) => {
                        setEditingId(null);
                        if (updated) onChanged(updated);
                      }}
                    />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
