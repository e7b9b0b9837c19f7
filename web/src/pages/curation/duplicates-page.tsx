import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { curationKeys, listDuplicates, scanDuplicates } from '../../api/curation.api';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { FormMessage } from '../../forms/form-parts';
import { describeError } from '../../i18n/describe-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatNumber } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { DuplicatePairCard } from './duplicate-pair';

/** Candidate duplicate profiles (Union curators and admins): scan, then merge or dismiss each pair. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const pairs = useQuery({ queryKey: curationKeys.duplicates, queryFn: listDuplicates });
  const [done, setDone] = useState<string | null>(null);
  usePageTitle(t('curation.duplicates.title'));
  const scan = useMutation({
    mutationFn: scanDuplicates,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: curationKeys.all }),
  });
  const n = (value: number) => formatNumber(value, language);
  const handled = (message: string) => {
    setDone(message);
    void queryClient.invalidateQueries({ queryKey: curationKeys.all });
  };

  return (
    <>
      <h1>{t('curation.duplicates.title')}</h1>
      <p className="muted">{t('curation.duplicates.intro')}</p>
      <div className="panel toolbar-panel">
        <button
          type="button"
          className="button-primary"
          data-testid="scan-duplicates"
          disabled={scan.isPending}
          aria-busy={scan.isPending || undefined}
          onClick={() => scan.mutate()}
        >
          {scan.isPending ? <span className="spinner" aria-hidden="true" /> : null}
          {t('curation.duplicates.scan')}
        </button>
        <FormMessage kind="error">{scan.isError ? describeError(scan.error, t) : null}</FormMessage>
        <FormMessage kind="success" testId="scan-done">
          {scan.data
            ? t('curation.duplicates.scanned', {
                profiles: n(scan.data.profiles),
                candidates: n(scan.data.candidates),
                new: n(scan.data.new),
                ms: n(scan.data.ms),
              })
            : null}
        </FormMessage>
      </div>
      <FormMessage kind="success">{done}</FormMessage>
      {pairs.isPending ? <Loading /> : null}
      {pairs.isError ? <QueryError error={pairs.error} onRetry={() => void pairs.refetch()} /> : null}
      {pairs.data ? (
        <>
          <p className="results-count">
            {pairs.data.items.length === 0
              ? t('curation.duplicates.none')
              : t('curation.duplicates.results', { count: pairs.data.items.length })}
          </p>
          {pairs.data.items.map((pair) => (
            <DuplicatePairCard key={pair.id} pair={pair} onDone={handled} />
          ))}
        </>
      ) : null}
    </>
  );
}
