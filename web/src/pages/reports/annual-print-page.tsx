import { useQuery } from '@tanstack/react-query';
import { getAnnual } from '../../api/reports.api';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatNumber } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { useAnnualParams } from './annual-report-page';

const TEXTS = [
  ['IV', 'results'],
  ['V', 'difficulties'],
  ['VI', 'proposals'],
] as const;

/** `/reports/annual/:year/print`: the report in the administrative layout (Decree 30/2020), for the browser's print. */
export function AnnualPrintPage() {
  const { t } = useTranslation();
  const { year, organisationId } = useAnnualParams();
  usePageTitle(t('reports.annual.title', { year }));
  // An English reader sees the plan's names translated on screen; the printed document stays Vietnamese.
  const en = useLanguage() === 'en';
  const q = useQuery({ queryKey: ['reports', 'annual', year, organisationId ?? null], queryFn: () => getAnnual(year, organisationId) });
  if (q.isPending) return <Loading />;
  if (q.isError) return <QueryError error={q.error} />;
  const r = q.data;
  const issuer = r.organisation?.name ?? 'Sở Khoa học và Công nghệ';
  const today = new Date();
  return (
    <article className="page print-view" data-testid="annual-print">
      <p className="no-print">
        <button type="button" className="button-secondary" onClick={() => window.print()}>
          {t('reports.annual.print')}
        </button>
      </p>
      <header className="admin-header">
        <div>
          <div>UBND THÀNH PHỐ HẢI PHÒNG</div>
          <strong>{issuer.toUpperCase()}</strong>
          <div>Số: {r.documentNumber || '      /BC'}</div>
        </div>
        <div>
          <strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong>
          <div>
            <strong>Độc lập - Tự do - Hạnh phúc</strong>
          </div>
          <em>
            Hải Phòng, ngày {String(today.getDate()).padStart(2, '0')} tháng {today.getMonth() + 1} năm {today.getFullYear()}
          </em>
        </div>
      </header>
      <h1 style={{ textAlign: 'center' }}>BÁO CÁO</h1>
      <p style={{ textAlign: 'center' }}>
        <strong>Kết quả thực hiện Kế hoạch số 09/KH-UBND năm {r.year}</strong>
      </p>
      {r.sections.map((s) => (
        <section key={s.code}>
          <h2>
            {s.code}. {s.titleVi}
            {en ? (
              <small lang="en" className="muted print-translation">
                {' '}
                ({s.titleEn})
              </small>
            ) : null}
          </h2>
          <table className="data-table">
            <tbody>
              {s.figures.map((f) => (
                <tr key={f.code}>
                  <th scope="row">
                    {f.labelVi}
                    {en ? (
                      <small lang="en" className="muted print-translation">
                        {' '}
                        ({f.labelEn})
                      </small>
                    ) : null}
                  </th>
                  <td className="num">
                    {f.available ? (f.value === null ? '—' : formatNumber(f.value, en ? 'en' : 'vi')) : t('reports.notAvailable')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {r.breakdowns.map((b) => (
        <table key={b.code} className="data-table">
          <caption>{b.titleVi}</caption>
          <tbody>
            {b.rows.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.key}</th>
                <td className="num">{c.count ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {TEXTS.map(([n, k]) => (
        <section key={k}>
          <h2>
            {n}. {t(`reports.annual.${k}`).toUpperCase()}
          </h2>
          <p style={{ whiteSpace: 'pre-wrap' }}>{r.texts[k] || '—'}</p>
        </section>
      ))}
      <div className="signature">
        <strong>{r.signerTitle || 'THỦ TRƯỞNG CƠ QUAN'}</strong>
        <div>
          <em>(Ký, ghi rõ họ tên, đóng dấu)</em>
        </div>
        <div style={{ marginTop: '4rem' }}>
          <strong>{r.signerName}</strong>
        </div>
      </div>
    </article>
  );
}
