import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { type NominationBody, awardKeys, createNomination, getAward, listAwards } from '../../api/awards.api';
import { getExpert, getOwnProfile } from '../../api/profiles.api';
import { type ExpertSearchQuery, searchExperts } from '../../api/search.api';
import { useSession } from '../../auth/use-session';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { useAwardAction } from './use-award-action';

type Kind = NominationBody['nominatorKind'];
type Nominee = NominationBody['nominees'][number];
type Evidence = NominationBody['work']['evidence'][number];
const STEPS = ['round', 'nominator', 'nominees', 'work', 'review'] as const;
const evidenceKinds = ['publication', 'patent', 'application', 'document', 'effect'] as const;

/** Which nominating parties the signed-in role may act as (the server checks the same). */
function kindsForRole(role: string | undefined): Kind[] {
  if (role === 'expert') return ['self'];
  if (role === 'curator') return ['association'];
  if (role === 'agency' || role === 'officer') return ['agency', 'organisation'];
  return [];
}

/**
 * The nomination wizard: round (window open) and category → nominating party → nominees from the
 * registry or by name, a team → the work and its evidence (publications and patents from the
 * nominees' profiles) → review; the draft then opens on its page for documents, the eligibility
 * check per criterion and submission.
 */
export function NominatePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const user = useSession().user;
  usePageTitle(t('awards.w.nominateTitle'));
  const [step, setStep] = useState(0);
  const [awardId, setAwardId] = useState('');
  const [roundId, setRoundId] = useState('');
  const [category, setCategory] = useState('');
  const [kind, setKind] = useState<Kind | ''>('');
  const [team, setTeam] = useState('');
  const [nominees, setNominees] = useState<Nominee[]>([]);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [evidence, setEvidence] = useState<Evidence[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);

  const awards = useQuery({ queryKey: awardKeys.all, queryFn: listAwards });
  const award = useQuery({ queryKey: [...awardKeys.all, awardId], queryFn: () => getAward(awardId), enabled: !!awardId });
  const [now] = useState(() => Date.now());
  const openRounds = (award.data?.rounds ?? []).filter(
    (r) => r.status !== 'decided' && Date.parse(r.nominationOpensAt) <= now && now <= Date.parse(r.nominationClosesAt),
  );
  const def = award.data?.definition;
  const allowedKinds = (def?.nominators ?? []).filter((k) => kindsForRole(user?.role).includes(k));
  const create = useAwardAction(
    (body: NominationBody) => createNomination(awardId, roundId, body),
    (r) => void navigate(`/awards/nominations/${r.id}`),
  );

  const go = (n: number) => {
    setStep(n);
    requestAnimationFrame(() => heading.current?.focus());
  };
  const canNext = [
    !!awardId && !!roundId && !!category,
    !!kind,
    nominees.length > 0 && nominees.every((n) => n.name.trim()),
    title.trim().length > 0,
    true,
  ][step];

  const addSelf = async () => {
    const own = await getOwnProfile();
    setNominees((list) =>
      list.some((n) => n.profileId === own.id) ? list : [...list, { profileId: own.id, name: own.fullName, organisation: '' }],
    );
  };

  return (
    <div className="page page-narrow awards awards-wizard">
      <h1>{t('awards.w.nominateTitle')}</h1>
      <ol className="wizard-steps" aria-label={t('awards.w.steps')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={i === step ? 'step' : undefined} className={i === step ? 'current' : i < step ? 'done' : ''}>
            {i + 1}. {t(`awards.w.step.${s}`)}
          </li>
        ))}
      </ol>
      <section className="panel" aria-labelledby="wizard-step">
        <h2 id="wizard-step" tabIndex={-1} ref={heading}>
          {t(`awards.w.step.${STEPS[step]!}`)}
        </h2>
        {step === 0 ? (
          <>
            {awards.isPending ? <Loading /> : null}
            {awards.isError ? <QueryError error={awards.error} /> : null}
            <label className="field">
              <span className="field-label">{t('awards.w.award')}</span>
              <select
                value={awardId}
                data-testid="wizard-award"
                onChange={(e) => {
                  setAwardId(e.target.value);
                  setRoundId('');
                  setCategory('');
                  setKind('');
                }}
              >
                <option value="">—</option>
                {awards.data?.items.map((a) => (
                  <option key={a.id} value={a.id}>
                    {language === 'en' ? a.titleEn : a.titleVi}
                  </option>
                ))}
              </select>
            </label>
            {award.data && openRounds.length === 0 ? <p className="notice">{t('awards.w.noOpenRound')}</p> : null}
            {openRounds.length ? (
              <fieldset className="field">
                <legend className="field-label">{t('awards.w.round')}</legend>
                {openRounds.map((r) => (
                  <label key={r.id} className="choice">
                    <input type="radio" name="round" value={r.id} checked={roundId === r.id} onChange={() => setRoundId(r.id)} />{' '}
                    {t('awards.round', { year: r.year })} —{' '}
                    {t('awards.window', {
                      from: formatDate(r.nominationOpensAt, language),
                      to: formatDate(r.nominationClosesAt, language),
                    })}
                  </label>
                ))}
              </fieldset>
            ) : null}
            {def && roundId ? (
              <label className="field">
                <span className="field-label">{t('awards.w.category')}</span>
                <select value={category} onChange={(e) => setCategory(e.target.value)} data-testid="wizard-category">
                  <option value="">—</option>
                  {def.categories.map((c) => (
                    <option key={c.code} value={c.code}>
                      {language === 'en' ? c.titleEn : c.titleVi}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
          </>
        ) : null}

        {step === 1 && def ? (
          <fieldset className="field">
            <legend className="field-label">{t('awards.w.nominatorKind')}</legend>
            {def.nominators.map((k) => {
              const allowed = allowedKinds.includes(k);
              return (
                <label key={k} className="choice">
                  <input
                    type="radio"
                    name="kind"
                    value={k}
                    disabled={!allowed}
                    checked={kind === k}
                    onChange={() => {
                      setKind(k);
                      if (k === 'self') void addSelf();
                    }}
                  />{' '}
                  {t(`awards.w.kind.${k}`)}
                  {!allowed ? <span className="cell-sub"> — {t('awards.w.kindNotYours')}</span> : null}
                </label>
              );
            })}
          </fieldset>
        ) : null}

        {step === 2 ? <NomineesStep nominees={nominees} setNominees={setNominees} team={team} setTeam={setTeam} /> : null}

        {step === 3 ? (
          <WorkStep
            title={title}
            setTitle={setTitle}
            summary={summary}
            setSummary={setSummary}
            evidence={evidence}
            setEvidence={setEvidence}
            nominees={nominees}
          />
        ) : null}

        {step === 4 && def ? (
          <div data-testid="wizard-review">
            <dl className="fields-list">
              <dt>{t('awards.w.award')}</dt>
              <dd>{language === 'en' ? award.data?.titleEn : award.data?.titleVi}</dd>
              <dt>{t('awards.w.category')}</dt>
              <dd>{def.categories.find((c) => c.code === category)?.[language === 'en' ? 'titleEn' : 'titleVi']}</dd>
              <dt>{t('awards.w.nominatorKind')}</dt>
              <dd>{kind ? t(`awards.w.kind.${kind}`) : ''}</dd>
              <dt>{t('awards.w.nominees')}</dt>
              <dd>
                {nominees.map((n) => n.name).join(', ')}
                {team ? ` (${team})` : ''}
              </dd>
              <dt>{t('awards.w.workTitle')}</dt>
              <dd>{title}</dd>
              <dt>{t('awards.w.evidence')}</dt>
              <dd>{t('awards.w.evidenceCount', { count: evidence.length })}</dd>
            </dl>
            <p className="muted">{t('awards.w.afterDraft')}</p>
            {create.error ? <p className="notice notice-error">{create.error}</p> : null}
          </div>
        ) : null}

        <div className="form-actions">
          {step > 0 ? (
            <button type="button" className="button-secondary" onClick={() => go(step - 1)}>
              {t('awards.w.back')}
            </button>
          ) : null}
          {step < STEPS.length - 1 ? (
            <button className="button-primary" type="button" disabled={!canNext} onClick={() => go(step + 1)} data-testid="wizard-next">
              {t('awards.w.next')}
            </button>
          ) : (
            <button
              className="button-primary"
              type="button"
              disabled={create.pending || !kind}
              data-testid="wizard-create"
              onClick={() =>
                kind &&
                create.run({
                  nominatorKind: kind,
                  category,
                  team,
                  nominees,
                  work: { title, summary, evidence },
                })
              }
            >
              {t('awards.w.createDraft')}
            </button>
          )}
        </div>
      </section>
    </div>
  );
}

function NomineesStep({
  nominees,
  setNominees,
  team,
  setTeam,
}: {
  nominees: Nominee[];
  setNominees: (f: (l: Nominee[]) => Nominee[]) => void;
  team: string;
  setTeam: (v: string) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [asked, setAsked] = useState('');
  const [name, setName] = useState('');
  const [org, setOrg] = useState('');
  const searchId = useId();
  const hits = useQuery({
    queryKey: ['awards', 'nominee-search', asked],
    queryFn: () => searchExperts({ q: asked } as ExpertSearchQuery),
    enabled: asked.trim().length > 1,
  });
  const add = (n: Nominee) => setNominees((l) => (n.profileId && l.some((x) => x.profileId === n.profileId) ? l : [...l, n]));
  return (
    <>
      {nominees.length ? (
        <ul className="member-list" data-testid="wizard-nominees">
          {nominees.map((n, i) => (
            <li key={`${n.profileId ?? n.name}-${i}`}>
              {n.name}
              {n.organisation ? ` — ${n.organisation}` : ''}{' '}
              {n.profileId ? <span className="badge">{t('awards.w.inRegistry')}</span> : null}{' '}
              <button type="button" className="button-link" onClick={() => setNominees((l) => l.filter((_, k) => k !== i))}>
                {t('awards.w.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('awards.w.noNominees')}</p>
      )}
      <form
        className="inline-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(q);
        }}
      >
        <label className="field" htmlFor={searchId}>
          <span className="field-label">{t('awards.w.searchRegistry')}</span>
        </label>
        <input id={searchId} value={q} onChange={(e) => setQ(e.target.value)} data-testid="wizard-search" />
        <button type="submit" className="button-secondary">
          {t('awards.w.search')}
        </button>
      </form>
      {hits.isFetching ? <Loading /> : null}
      {hits.data ? (
        <ul className="member-list" data-testid="wizard-hits">
          {hits.data.hits.slice(0, 8).map((h) => (
            <li key={h.id}>
              {h.fullName}{' '}
              <button type="button" className="button-link" onClick={() => add({ profileId: h.id, name: h.fullName, organisation: '' })}>
                {t('awards.w.add')}
              </button>
            </li>
          ))}
          {hits.data.hits.length === 0 ? <li>{t('awards.w.noHits')}</li> : null}
        </ul>
      ) : null}
      <fieldset className="field">
        <legend className="field-label">{t('awards.w.byName')}</legend>
        <label className="field">
          <span className="field-label">{t('awards.w.name')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t('awards.w.organisation')}</span>
          <input value={org} onChange={(e) => setOrg(e.target.value)} />
        </label>
        <button
          type="button"
          className="button-secondary"
          disabled={!name.trim()}
          onClick={() => {
            add({ profileId: null, name: name.trim(), organisation: org.trim() });
            setName('');
            setOrg('');
          }}
        >
          {t('awards.w.add')}
        </button>
      </fieldset>
      <label className="field">
        <span className="field-label">{t('awards.w.team')}</span>
        <input value={team} onChange={(e) => setTeam(e.target.value)} />
      </label>
    </>
  );
}

function WorkStep(props: {
  title: string;
  setTitle: (v: string) => void;
  summary: string;
  setSummary: (v: string) => void;
  evidence: Evidence[];
  setEvidence: (f: (l: Evidence[]) => Evidence[]) => void;
  nominees: Nominee[];
}) {
  const { t } = useTranslation();
  const { evidence, setEvidence } = props;
  const [kind, setKind] = useState<Evidence['kind']>('effect');
  const [reference, setReference] = useState('');
  const ids = props.nominees.map((n) => n.profileId).filter((x): x is string => !!x);
  const profiles = useQuery({
    queryKey: ['awards', 'nominee-profiles', ids],
    queryFn: () => Promise.all(ids.map((id) => getExpert(id).catch(() => null))),
    enabled: ids.length > 0,
  });
  const has = (e: Evidence) => evidence.some((x) => x.kind === e.kind && x.reference === e.reference);
  const toggle = (e: Evidence) =>
    setEvidence((l) => (has(e) ? l.filter((x) => !(x.kind === e.kind && x.reference === e.reference)) : [...l, e]));
  const fromProfiles: Evidence[] = (profiles.data ?? []).flatMap((p) => [
    ...(p?.publications ?? []).map((x) => ({
      kind: 'publication' as const,
      reference: [x.title, x.venue, x.year, x.doi ? `doi:${x.doi}` : ''].filter(Boolean).join(', ').slice(0, 1000),
    })),
    ...(p?.patents ?? []).map((x) => ({
      kind: 'patent' as const,
      reference: [x.title, x.number, x.year].filter(Boolean).join(', ').slice(0, 1000),
    })),
  ]);
  return (
    <>
      <label className="field">
        <span className="field-label">{t('awards.w.workTitle')}</span>
        <input value={props.title} onChange={(e) => props.setTitle(e.target.value)} data-testid="wizard-title" required />
      </label>
      <label className="field">
        <span className="field-label">{t('awards.w.summary')}</span>
        <textarea rows={5} value={props.summary} onChange={(e) => props.setSummary(e.target.value)} />
      </label>
      {fromProfiles.length ? (
        <fieldset className="field" data-testid="wizard-profile-evidence">
          <legend className="field-label">{t('awards.w.fromProfiles')}</legend>
          {fromProfiles.map((e) => (
            <label key={`${e.kind}:${e.reference}`} className="choice">
              <input type="checkbox" checked={has(e)} onChange={() => toggle(e)} /> {t(`awards.w.evidenceKind.${e.kind}`)}: {e.reference}
            </label>
          ))}
        </fieldset>
      ) : null}
      <fieldset className="field">
        <legend className="field-label">{t('awards.w.otherEvidence')}</legend>
        <label className="field">
          <span className="field-label">{t('awards.w.evidenceKindLabel')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as Evidence['kind'])}>
            {evidenceKinds.map((k) => (
              <option key={k} value={k}>
                {t(`awards.w.evidenceKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('awards.w.reference')}</span>
          <input value={reference} onChange={(e) => setReference(e.target.value)} />
        </label>
        <button
          type="button"
          className="button-secondary"
          disabled={!reference.trim()}
          onClick={() => {
            toggle({ kind, reference: reference.trim() });
            setReference('');
          }}
        >
          {t('awards.w.add')}
        </button>
      </fieldset>
      {evidence.length ? (
        <ul className="member-list">
          {evidence.map((e) => (
            <li key={`${e.kind}:${e.reference}`}>
              {t(`awards.w.evidenceKind.${e.kind}`)}: {e.reference}{' '}
              <button type="button" className="button-link" onClick={() => toggle(e)}>
                {t('awards.w.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
