import type { ProfileSection } from '@hpen/server/contracts';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { dismissDuplicate, mergeDuplicate, type DuplicatePair, type DuplicateSide } from '../../api/curation.api';
import { FormMessage } from '../../forms/form-parts';
import { describeError } from '../../i18n/describe-error';
import { useTranslation } from '../../i18n/use-translation';
import { degreeLabel } from '../../lib/reference-labels';
import { useLanguage } from '../../lib/use-language';
import { usePlaceNames } from '../../lib/use-places';
import { academicTitleLabel, codeLabel } from '../../components/curation/curation-labels';
import { sectionSummary, sectionsToChoose } from './duplicate-sections';

type Side = 'a' | 'b';
const other = (side: Side): Side => (side === 'a' ? 'b' : 'a');

interface Props {
  pair: DuplicatePair;
  onDone: (message: string) => void;
}

/** One candidate pair side by side: score, reasons, each section of both; merge or dismiss. */
export function DuplicatePairCard({ pair, onDone }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const places = usePlaceNames(language);
  const id = useId();
  const summarise = (view: NonNullable<DuplicateSide['view']>, section: ProfileSection) =>
    sectionSummary(t, language, view, section, places);
  const views = { a: pair.a?.view ?? null, b: pair.b?.view ?? null };
  const sections = sectionsToChoose(views.a, views.b, summarise);
  // The profile with an account is the natural one to keep (the person signs in to it).
  const [keep, setKeep] = useState<Side>(pair.b?.claimed && !pair.a?.claimed ? 'b' : 'a');
  const [chosen, setChosen] = useState<Partial<Record<ProfileSection, Side>>>({});
  /** Unless chosen, a section comes from the kept profile, or from the other when the kept one's is empty. */
  const takeFor = (section: ProfileSection): Side => {
    if (chosen[section]) return chosen[section];
    const kept = views[keep] ? summarise(views[keep], section) : null;
    const theirs = views[other(keep)] ? summarise(views[other(keep)]!, section) : null;
    return kept === '' && theirs ? other(keep) : keep;
  };

  const merge = useMutation({
    mutationFn: () => mergeDuplicate(pair.id, { keep, take: Object.fromEntries(sections.map((s) => [s, takeFor(s)])) }),
    onSuccess: () => onDone(t('curation.duplicates.merged')),
  });
  const dismiss = useMutation({ mutationFn: () => dismissDuplicate(pair.id), onSuccess: () => onDone(t('curation.duplicates.dismissed')) });
  const error = merge.error ?? dismiss.error;
  const busy = merge.isPending || dismiss.isPending;
  const bothThere = pair.a !== null && pair.b !== null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (window.confirm(t('curation.duplicates.confirmMerge'))) merge.mutate();
  };

  return (
    <article className="panel duplicate-pair" data-testid="duplicate-pair" aria-labelledby={`${id}-title`}>
      <header className="pair-head">
        <h2 id={`${id}-title`} className="pair-title">
          {pair.a?.view?.fullName ?? '—'} · {pair.b?.view?.fullName ?? '—'}
        </h2>
        <span className="badge badge-score">{t('curation.duplicates.score', { score: pair.score })}</span>
        <ul className="chip-list" aria-label={t('curation.duplicates.intro')}>
          {pair.reasons.map((reason) => (
            <li key={reason} className={reason === 'different_birth_year' ? 'chip chip-against' : 'chip'}>
              {codeLabel(t, 'curation.duplicates.reasons', reason)}
            </li>
          ))}
        </ul>
      </header>
      <div className="pair-sides">
        {(['a', 'b'] as const).map((side) => (
          <SideSummary key={side} side={side} profile={pair[side]} />
        ))}
      </div>
      <form className="form merge-form" noValidate onSubmit={submit}>
        <FormMessage kind="error">{error ? describeError(error, t) : null}</FormMessage>
        {bothThere ? (
          <>
            <fieldset className="choice-group">
              <legend>{t('curation.duplicates.keep')}</legend>
              <div className="choice-inline">
                {(['a', 'b'] as const).map((side) => (
                  <label key={side} className="check-row">
                    <input type="radio" name="keep" value={side} checked={keep === side} onChange={() => setKeep(side)} />
                    <span>
                      {t(`curation.duplicates.side.${side}`)}: {pair[side]?.view?.fullName}
                    </span>
                  </label>
                ))}
              </div>
              <p className="field-hint">{t('curation.duplicates.keepHint')}</p>
            </fieldset>
            <fieldset className="choice-group merge-sections">
              <legend>{t('curation.duplicates.sectionsTitle')}</legend>
              {sections.map((section) => (
                <fieldset key={section} className="merge-section">
                  <legend>{t(`profile.sections.${section}`)}</legend>
                  <div className="merge-options">
                    {(['a', 'b'] as const).map((side) => {
                      const view = views[side];
                      const summary = view ? summarise(view, section) : null;
                      return (
                        <label key={side} className={takeFor(section) === side ? 'merge-option merge-option-chosen' : 'merge-option'}>
                          <input
                            type="radio"
                            name={`take.${section}`}
                            value={side}
                            checked={takeFor(section) === side}
                            onChange={() => setChosen((c) => ({ ...c, [section]: side }))}
                          />
                          <span>
                            <span className="merge-side">{t(`curation.duplicates.side.${side}`)}</span>
                            {summary === null ? (
                              <em className="muted">{t('curation.duplicates.hidden')}</em>
                            ) : summary === '' ? (
                              <em className="muted">{t('curation.duplicates.empty')}</em>
                            ) : (
                              summary
                            )}
                          </span>
                        </label>
                      );
                    })}
                  </div>
                </fieldset>
              ))}
            </fieldset>
          </>
        ) : null}
        <div className="form-actions">
          {bothThere ? (
            <button type="submit" className="button-primary" data-testid="merge" disabled={busy}>
              {t('curation.duplicates.merge')}
            </button>
          ) : null}
          <button type="button" className="button-secondary" data-testid="dismiss" disabled={busy} onClick={() => dismiss.mutate()}>
            {t('curation.duplicates.dismiss')}
          </button>
        </div>
      </form>
    </article>
  );
}

function SideSummary({ side, profile }: { side: Side; profile: DuplicateSide | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const view = profile?.view;
  return (
    <section className="pair-side" data-side={side}>
      <h3>{t(`curation.duplicates.side.${side}`)}</h3>
      {!profile || !view ? (
        <p className="muted">{t('curation.duplicates.missing')}</p>
      ) : (
        <>
          <p className="cell-title">{view.fullName}</p>
          <p className="cell-sub">
            {[
              academicTitleLabel(t, view.academicTitle),
              degreeLabel(view.highestDegree, language),
              view.birthYear ? String(view.birthYear) : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {view.contact ? <p className="cell-sub">{[view.contact.email, view.contact.phone].filter(Boolean).join(' · ')}</p> : null}
          <p>
            <span className={profile.claimed ? 'badge badge-ok' : 'badge'}>
              {profile.claimed ? t('curation.duplicates.hasAccount') : t('curation.duplicates.noAccount')}
            </span>{' '}
            <Link to={`/experts/${profile.id}`}>{t('curation.duplicates.viewProfile')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
