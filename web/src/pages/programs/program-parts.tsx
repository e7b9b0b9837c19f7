import type { Criterion, DeclaredFactDefinition, EligibilityList } from '@hpen/server/contracts';
import { Link } from 'react-router';
import type { Language } from '../../i18n/i18n';
import type { ApplicationSummary } from '../../api/programs.api';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate, formatNumber } from '../../lib/format';
import { degreeLabel, sectorLabel } from '../../lib/reference-labels';
import { useLanguage } from '../../lib/use-language';
import { isToConfirm, ruleSentence } from './rule-sentences';

type Source = { ref: string; link?: string | undefined; certainty: 'V' | 'P' | 'U' };

export const formatVnd = (amount: number, language: Language) => `${formatNumber(amount, language)} ₫`;

/** "cần xác nhận / to confirm" with its source link: a criterion, benefit or legal basis not yet checked against the official text. */
export function ToConfirm({ source }: { source?: Source | undefined }) {
  const { t } = useTranslation();
  return (
    <span className="badge program-confirm" data-testid="to-confirm" title={t('programs.toConfirmHint')}>
      {t('programs.toConfirm')}
      {source ? ` [${source.certainty}]` : ''}
      {source?.link ? (
        <>
          {' · '}
          <a href={source.link} target="_blank" rel="noreferrer">
            {t('programs.source')}
          </a>
        </>
      ) : null}
    </span>
  );
}

/** The rule document in plain language: a nested list, one sentence per criterion, the officer's wording beside it. */
export function RuleTree({ criterion, facts }: { criterion: Criterion; facts: readonly DeclaredFactDefinition[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sentence = ruleSentence(criterion, t, language, facts);
  const label = criterion.label[language];
  const group = criterion.kind === 'all' || criterion.kind === 'any' || criterion.kind === 'not';
  const children = criterion.kind === 'all' || criterion.kind === 'any' ? criterion.of : criterion.kind === 'not' ? [criterion.of] : [];
  return (
    <li className="rule-item" data-testid="rule-sentence" data-criterion={criterion.id}>
      <span className="rule-sentence">{group ? label : sentence}</span>
      {group ? <span className="rule-combinator"> — {sentence.toLocaleLowerCase(language)}:</span> : null}
      {!group && label !== sentence ? <span className="rule-label muted"> ({label})</span> : null}{' '}
      {isToConfirm(criterion) ? <ToConfirm source={criterion.source} /> : null}
      {children.length ? (
        <ul className="rule-list">
          {children.map((c) => (
            <RuleTree key={c.id} criterion={c} facts={facts} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

type ProgramEligibility = EligibilityList['programs'][number];
type CriterionRow = ProgramEligibility['criteria'][number];

export function OutcomeBadge({ outcome }: { outcome: ProgramEligibility['outcome'] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge outcome-${outcome}`} data-testid="eligibility-outcome" data-outcome={outcome}>
      {t(`programs.outcome.${outcome}`)}
    </span>
  );
}

function displayValue(c: CriterionRow, language: Language, say: (key: string) => string): string {
  const v = c.value;
  if (v === undefined || v === null) return '';
  if (typeof v === 'boolean') return say(v ? 'programs.yes' : 'programs.no');
  const one = (x: string) =>
    c.kind === 'degree' || c.kind === 'trained_abroad'
      ? degreeLabel(x, language)
      : c.kind === 'sector'
        ? sectorLabel(x, language)
        : c.kind === 'graduation_grade'
          ? say(`programs.grade.${x}`)
          : c.kind === 'employer_type'
            ? say(`programs.employer.${x}`)
            : x;
  if (Array.isArray(v)) return v.map(one).join(', ');
  return typeof v === 'string' ? one(v) : String(v);
}

/** Where the web fills a gap: the profile editor's section (its id there is `section-<name>`), or the application's facts. */
function fillLink(c: CriterionRow): string | null {
  if (!c.fill) return null;
  if ('section' in c.fill) return `/profile/edit#section-${c.fill.section}`;
  return c.link ?? null;
}

/** Every criterion of one evaluation: met / not met / missing, the value used and the link that fills a gap. */
export function CriteriaResults({ criteria, links = 'all' }: { criteria: CriterionRow[]; links?: 'all' | 'profile' | 'none' }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ul className="criteria-results">
      {criteria.map((c) => {
        const link = fillLink(c);
        const value = displayValue(c, language, (key) => t(key as never) as unknown as string);
        const showLink = link && links !== 'none' && (links === 'all' || (c.fill && 'section' in c.fill));
        return (
          <li
            key={c.id}
            className={`criterion-row status-${c.status}`}
            style={{ marginInlineStart: `${c.depth * 1.1}rem` }}
            data-testid="criterion"
            data-status={c.status}
          >
            <span className={`badge criterion-${c.status}`}>{t(`programs.criterion.${c.status}`)}</span> <span>{c.labels[language]}</span>
            {value ? <span className="muted"> · {t('programs.valueUsed', { value })}</span> : null}
            {c.status !== 'met' && showLink ? (
              <>
                {' · '}
                <Link to={link} data-testid="fill-link">
                  {c.fill && 'section' in c.fill ? t('programs.fillProfile') : t('programs.fillFact')}
                </Link>
              </>
            ) : null}{' '}
            {c.toConfirm || (c.source && c.source.certainty !== 'V') ? <ToConfirm source={c.source} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

/** One program's evaluation: outcome, benefit level reached, every criterion (requirements, then the groups). */
export function EligibilityCard({
  p,
  links = 'all',
  actions,
}: {
  p: ProgramEligibility;
  links?: 'all' | 'profile' | 'none';
  actions?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <article className="card program-eligibility" data-testid="program-eligibility" data-code={p.code}>
      <div className="page-head">
        <h2>
          <Link to={`/programs/${p.programId}`}>{p.title}</Link>
        </h2>
        <OutcomeBadge outcome={p.outcome} />
      </div>
      <p data-testid="benefit-reached">
        {p.benefit
          ? t('programs.benefitReached', {
              label: [
                p.benefit.label,
                p.benefit.oneTimeVnd !== null ? formatVnd(p.benefit.oneTimeVnd, language) : null,
                p.benefit.monthlyMinWageMultiple !== null
                  ? t('programs.monthlyValue', { multiple: formatNumber(p.benefit.monthlyMinWageMultiple, language) })
                  : null,
              ]
                .filter(Boolean)
                .join(' — '),
            })
          : t('programs.noBenefit')}
      </p>
      <details open={p.outcome !== 'not_eligible'}>
        <summary>{t('programs.showDetails')}</summary>
        <CriteriaResults criteria={p.criteria} links={links} />
        <h3>{t('programs.groupsTitle')}</h3>
        {p.groups.map((g) => (
          <div key={g.code} className="eligibility-group">
            <p>
              <span className={`badge criterion-${g.status}`}>{t(`programs.criterion.${g.status}`)}</span> <strong>{g.label}</strong>
            </p>
            <CriteriaResults criteria={g.criteria} links={links} />
          </div>
        ))}
      </details>
      {actions}
    </article>
  );
}

/** Applications with their state and ageing: the expert's own list and the officer's queue. */
export function ApplicationsTable({ items, showApplicant }: { items: ApplicationSummary[]; showApplicant: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <table className="data-table responsive-table" data-testid="applications-table">
      <thead>
        <tr>
          <th scope="col">{t('programs.app.program')}</th>
          {showApplicant ? <th scope="col">{t('programs.app.applicant')}</th> : null}
          <th scope="col">{t('programs.app.statusCol')}</th>
          <th scope="col">{t('programs.app.submittedAt')}</th>
          <th scope="col">{t('programs.app.age')}</th>
          <th scope="col">{t('programs.app.assessed')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((a) => (
          <tr key={a.id} data-testid="application-row" data-status={a.status}>
            <th scope="row">
              <Link className="cell-title" to={`/programs/applications/${a.id}`}>
                {a.programTitle[language]}
              </Link>
              <div className="cell-sub">{t('programs.version', { version: a.programVersion })}</div>
            </th>
            {showApplicant ? <td data-label={t('programs.app.applicant')}>{a.applicantName}</td> : null}
            <td data-label={t('programs.app.statusCol')}>
              <span className={`badge app-${a.status}`} data-testid="application-status">
                {t(`programs.app.status.${a.status}`)}
              </span>
            </td>
            <td data-label={t('programs.app.submittedAt')}>{formatDate(a.submittedAt, language)}</td>
            <td data-label={t('programs.app.age')}>{t('programs.app.ageDays', { count: a.ageDays })}</td>
            <td data-label={t('programs.app.assessed')}>{a.outcomeAtSubmission ? t(`programs.outcome.${a.outcomeAtSubmission}`) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
