import type { ImportPreview, OwnProfile } from '@hpen/server/contracts';
import { useTranslation } from '../../../i18n/use-translation';
import { describePath } from '../editor/describe-path';

type Entry = ImportPreview['entries'][number];

const BADGES: Record<Entry['status'], string> = {
  new: 'badge badge-ok',
  duplicate_existing: 'badge',
  duplicate_in_file: 'badge',
  invalid: 'badge badge-status-disabled',
};

interface Props {
  entries: Entry[];
  skip: Set<number>;
  onToggle: (skip: Set<number>) => void;
  /** The saved publications, to name the one an entry duplicates. */
  existing: OwnProfile['publications'];
}

/** One row per parsed entry; only new entries can be added, and each can be left out. */
export function ImportPreviewTable({ entries, skip, onToggle, existing }: Props) {
  const { t } = useTranslation();
  const titleOf = (id: string) => existing.find((p) => p.id === id)?.title ?? null;
  const toggle = (index: number, include: boolean) => {
    const next = new Set(skip);
    if (include) next.delete(index);
    else next.add(index);
    onToggle(next);
  };
  return (
    <div className="table-scroll">
      <table className="data-table responsive-table import-table">
        <thead>
          <tr>
            <th scope="col">{t('profile.import.colInclude')}</th>
            <th scope="col">{t('profile.import.colEntry')}</th>
            <th scope="col">{t('profile.import.colStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const p = entry.publication;
            return (
              <tr key={entry.index} data-testid="import-row" data-status={entry.status}>
                <td data-label={t('profile.import.colInclude')}>
                  <input
                    type="checkbox"
                    name={`include.${entry.index}`}
                    aria-label={t('profile.import.include', { source: entry.source })}
                    checked={entry.status === 'new' && !skip.has(entry.index)}
                    disabled={entry.status !== 'new'}
                    onChange={(event) => toggle(entry.index, event.target.checked)}
                  />
                </td>
                <th scope="row" data-label={t('profile.import.colEntry')}>
                  <span className="cell-title">{p?.title ?? entry.source}</span>
                  {p ? (
                    <span className="cell-sub">
                      {[p.authors, p.venue, p.year, p.doi ? `DOI ${p.doi}` : ''].filter(Boolean).join(' · ')}
                    </span>
                  ) : null}
                  <span className="cell-sub">{entry.source}</span>
                </th>
                <td data-label={t('profile.import.colStatus')}>
                  <span className={BADGES[entry.status]}>{t(`profile.import.status.${entry.status}`)}</span>
                  {entry.duplicateOf && titleOf(entry.duplicateOf) ? (
                    <span className="cell-sub">“{titleOf(entry.duplicateOf)}”</span>
                  ) : null}
                  {entry.errors.map((error) => (
                    <span key={error.path} className="cell-sub">
                      {error.path ? `${describePath(error.path, t)}: ` : ''}
                      {error.message}
                    </span>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
