import { type OfferBody, referenceData } from '@hpen/server/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, Route, Routes, useParams, useSearchParams } from 'react-router';
import {
  createOffer,
  expressInterest,
  getAlerts,
  getOffer,
  interestedExperts,
  listOffers,
  manageOffers,
  myInterests,
  mySuggestedOffers,
  type Offer,
  offerKeys,
  setAlerts,
  setOfferStatus,
  suggestedExperts,
  withdrawInterest,
} from '../../api/offers.api';
import { useSession } from '../../auth/use-session';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate } from '../../lib/format';
import { sectorLabel } from '../../lib/reference-labels';
import { useOpenPrograms, useProgramTitles } from '../../lib/use-program-titles';
import { useFieldNames, useTaxonomy } from '../../lib/use-taxonomy';
import { FieldPicker } from '../profile/sections/field-picker';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import '../../i18n/parts/offers';
import './offers.css';

/** `/offers/*`: the public list with facets, an offer's page, my interests, and an agency's own offers (lazy). */
export function OffersArea() {
  return (
    <Routes>
      <Route index element={<OfferList />} />
      <Route path="mine" element={<MyInterests />} />
      <Route path="manage" element={<ManageOffers />} />
      <Route path=":id" element={<OfferPage />} />
    </Routes>
  );
}

const POSTERS = ['agency', 'officer', 'admin'];

function OfferCard({ o }: { o: Offer }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <li className="card offer-card" data-testid="offer">
      <h2>
        <Link to={`/offers/${o.id}`}>{o.title}</Link>
      </h2>
      <p className="offer-meta">
        <span className="chip">{t(`offers.kind.${o.kind}`)}</span> <span className="chip">{t(`offers.mode.${o.mode}`)}</span>{' '}
        {o.overseasWelcome ? <span className="chip">{t('offers.overseas')}</span> : null}
      </p>
      <p>
        {o.organisationName}
        {o.closesAt ? ` · ${t('offers.closes', { date: formatDate(o.closesAt, language) })}` : ''}
      </p>
    </li>
  );
}

function Facet({
  name,
  label,
  counts,
  chosen,
  render,
  toggle,
}: {
  name: string;
  label: string;
  counts: Record<string, number>;
  chosen: string[];
  render: (v: string) => string;
  toggle: (name: string, value: string) => void;
}) {
  const values = Object.keys(counts);
  if (values.length === 0) return null;
  return (
    <fieldset className="offer-facet">
      <legend>{label}</legend>
      {values.map((v) => (
        <label key={v}>
          <input type="checkbox" checked={chosen.includes(v)} onChange={() => toggle(name, v)} /> {render(v)} ({counts[v]})
        </label>
      ))}
    </fieldset>
  );
}

function OfferList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const all = (k: string) => params.get(k)?.split(',').filter(Boolean) ?? [];
  const filters = { q: params.get('q') ?? '', kind: all('kind'), sector: all('sector'), programId: all('programId') };
  const q = useQuery({ queryKey: [...offerKeys.all, filters], queryFn: () => listOffers(filters) });
  usePageTitle(t('offers.title'));
  const toggle = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    const cur = all(name);
    const list = cur.includes(value) ? cur.filter((x) => x !== value) : [...cur, value];
    if (list.length) next.set(name, list.join(','));
    else next.delete(name);
    setParams(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams(params);
    if (text.trim()) next.set('q', text.trim());
    else next.delete('q');
    setParams(next);
  };
  const programTitle = useProgramTitles(language);
  const programCodes = new Map(q.data?.items.map((o) => [o.programId ?? '', o.programCode ?? '']) ?? []);
  return (
    <div className="page offers">
      <div className="page-head">
        <h1>{t('offers.title')}</h1>
        {user ? <Link to="/offers/mine">{t('offers.mine')}</Link> : null}
        {user && POSTERS.includes(user.role) ? <Link to="/offers/manage">{t('offers.manage')}</Link> : null}
      </div>
      <p className="lead">{t('offers.lead')}</p>
      <form role="search" onSubmit={submit} className="offer-search">
        <label htmlFor="offer-q">{t('offers.searchLabel')}</label>
        <div className="offer-search-row">
          <input id="offer-q" type="search" maxLength={200} value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="button-primary">
            {t('offers.search')}
          </button>
        </div>
      </form>
      <div className="offers-layout">
        <aside>
          {q.data ? (
            <>
              <Facet
                name="kind"
                label={t('offers.kindLabel')}
                counts={q.data.facets.kind}
                chosen={filters.kind}
                render={(v) => t(`offers.kind.${v}` as 'offers.kind.position')}
                toggle={toggle}
              />
              <Facet
                name="sector"
                label={t('offers.sectorLabel')}
                counts={q.data.facets.sector}
                chosen={filters.sector}
                render={(v) => sectorLabel(v, language)}
                toggle={toggle}
              />
              <Facet
                name="programId"
                label={t('offers.programLabel')}
                counts={q.data.facets.program}
                chosen={filters.programId}
                render={(v) => programTitle(v, programCodes.get(v) || v)}
                toggle={toggle}
              />
            </>
          ) : null}
        </aside>
        <section>
          {q.isPending ? <Loading /> : null}
          {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
          {q.data ? <p>{t('offers.total', { count: q.data.total })}</p> : null}
          {q.data?.items.length === 0 ? <p>{t('offers.none')}</p> : null}
          <ul className="card-list">
            {q.data?.items.map((o) => (
              <OfferCard key={o.id} o={o} />
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}

function OfferPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const programTitle = useProgramTitles(language);
  const fieldNameOf = useFieldNames(language);
  const id = useParams().id ?? '';
  const { user } = useSession();
  const client = useQueryClient();
  const q = useQuery({ queryKey: [...offerKeys.all, id], queryFn: () => getOffer(id) });
  const [note, setNote] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: offerKeys.all });
  const interest = useMutation({ mutationFn: () => expressInterest(id, note), onSuccess: refresh });
  const withdraw = useMutation({ mutationFn: () => withdrawInterest(id), onSuccess: refresh });
  usePageTitle(q.data?.title ?? t('offers.title'));
  if (q.isPending) return <Loading />;
  if (q.isError) return <QueryError error={q.error} />;
  const o = q.data;
  const active = o.myInterest?.status === 'active';
  return (
    <article className="page page-narrow offers">
      <p>
        <Link to="/offers">{t('offers.title')}</Link>
      </p>
      <h1>{o.title}</h1>
      <p className="offer-meta">
        <span className="chip">{t(`offers.kind.${o.kind}`)}</span> <span className="chip">{t(`offers.mode.${o.mode}`)}</span>{' '}
        <span className="chip">{t(`offers.status.${o.status}`)}</span>
      </p>
      <p>
        {t('offers.organisation')}: {o.organisationName}
        {o.closesAt ? ` · ${t('offers.closes', { date: formatDate(o.closesAt, language) })}` : ''}
      </p>
      {o.overseasWelcome ? <p>{t('offers.overseas')}</p> : null}
      {o.description ? <p className="offer-text">{o.description}</p> : null}
      {o.requirements ? (
        <>
          <h2>{t('offers.requirements')}</h2>
          <p className="offer-text">{o.requirements}</p>
        </>
      ) : null}
      {o.fields.length ? <p>{t('offers.fields', { codes: o.fields.map(fieldNameOf).join(', ') })}</p> : null}
      {o.sectors.length ? <p>{o.sectors.map((s) => sectorLabel(s, language)).join(', ')}</p> : null}
      {o.programCode ? (
        <p>
          {t('offers.program')}: <Link to={`/programs/${o.programId}`}>{programTitle(o.programId, o.programCode)}</Link>
        </p>
      ) : null}
      {!user ? <p>{t('offers.signInToInterest')}</p> : null}
      {active ? (
        <div className="offer-interest">
          <p data-testid="interested">{t('offers.interested')}</p>
          <button type="button" className="button-secondary" onClick={() => withdraw.mutate()} disabled={withdraw.isPending}>
            {t('offers.withdraw')}
          </button>
        </div>
      ) : o.can.includes('interest') && user?.role === 'expert' ? (
        <form
          className="offer-interest"
          onSubmit={(e) => {
            e.preventDefault();
            interest.mutate();
          }}
        >
          <label className="field">
            <span className="field-label">{t('offers.interestNote')}</span>
            <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
          </label>
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={interest.isPending} data-testid="interest">
              {t('offers.interest')}
            </button>
          </div>
          {interest.isError ? <QueryError error={interest.error} /> : null}
        </form>
      ) : null}
      {o.can.includes('interests') ? <PosterPanel id={o.id} /> : null}
    </article>
  );
}

function PosterPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const interested = useQuery({ queryKey: [...offerKeys.all, id, 'interests'], queryFn: () => interestedExperts(id) });
  const suggested = useQuery({ queryKey: [...offerKeys.all, id, 'suggestions'], queryFn: () => suggestedExperts(id) });
  return (
    <>
      <h2>{t('offers.interestedExperts', { count: interested.data?.items.length ?? 0 })}</h2>
      <p className="hint">{t('offers.sharedOnly')}</p>
      {interested.isError ? <QueryError error={interested.error} /> : null}
      <ul className="card-list">
        {interested.data?.items.map((i) => (
          <li key={i.interestId} className="card" data-testid="interested-expert">
            <Link to={`/experts/${i.profileId}`}>{i.profile?.fullName ?? i.profileId}</Link>
            {i.message ? <p className="offer-text">{i.message}</p> : null}
          </li>
        ))}
      </ul>
      <h2>{t('offers.suggestions')}</h2>
      {suggested.isPending ? <Loading /> : null}
      {suggested.data?.items.length === 0 ? <p>{t('offers.noSuggestions')}</p> : null}
      <ul className="card-list">
        {suggested.data?.items.map((s) => (
          <li key={s.profileId} className="card">
            <Link to={`/experts/${s.profileId}`}>{s.fullName}</Link> — {t('offers.score', { score: s.score })}
          </li>
        ))}
      </ul>
    </>
  );
}

function MyInterests() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const interests = useQuery({ queryKey: [...offerKeys.mine, 'interests'], queryFn: myInterests });
  const fitting = useQuery({ queryKey: [...offerKeys.mine, 'fitting'], queryFn: mySuggestedOffers, retry: false });
  const alerts = useQuery({ queryKey: [...offerKeys.mine, 'alerts'], queryFn: getAlerts });
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => setAlerts(enabled),
    onSuccess: () => client.invalidateQueries({ queryKey: offerKeys.mine }),
  });
  usePageTitle(t('offers.mine'));
  return (
    <div className="page page-narrow offers">
      <h1>{t('offers.mine')}</h1>
      {alerts.data ? (
        <label className="offer-alerts">
          <input
            type="checkbox"
            checked={alerts.data.enabled}
            onChange={(e) => toggle.mutate(e.target.checked)}
            data-testid="offer-alerts"
          />{' '}
          {t('offers.alerts')}
        </label>
      ) : null}
      {toggle.isError ? <QueryError error={toggle.error} /> : null}
      <h2>{t('offers.myInterests')}</h2>
      {interests.isPending ? <Loading /> : null}
      <ul className="card-list">
        {interests.data?.items.map((i) => (
          <li key={i.id} className="card" data-testid="my-interest">
            <Link to={`/offers/${i.offerId}`}>{i.offerTitle}</Link> — {t(`offers.interestStatus.${i.status}`)}
          </li>
        ))}
      </ul>
      <h2>{t('offers.fitting')}</h2>
      <ul className="card-list">
        {fitting.data?.items.map((x) => (
          <OfferCard key={x.offer.id} o={x.offer} />
        ))}
      </ul>
    </div>
  );
}

/** The create form's state: the offer contract as the server accepts it (defaults given here). */
type OfferDraft = Omit<OfferBody, 'communeCode' | 'organisationId'>;
const emptyOffer = (): OfferDraft => ({
  title: '',
  description: '',
  kind: 'position',
  mode: 'on_site',
  requirements: '',
  fields: [],
  sectors: [],
  programId: null,
  closesAt: null,
  overseasWelcome: false,
});

function ManageOffers() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const q = useQuery({ queryKey: [...offerKeys.all, 'manage'], queryFn: manageOffers });
  const [form, setForm] = useState<OfferDraft>(emptyOffer);
  const refresh = () => client.invalidateQueries({ queryKey: offerKeys.all });
  const create = useMutation({
    mutationFn: () => createOffer(form),
    onSuccess: () => {
      setForm(emptyOffer());
      return refresh();
    },
  });
  const status = useMutation({
    mutationFn: (x: { id: string; status: 'published' | 'closed' }) => setOfferStatus(x.id, x.status),
    onSuccess: refresh,
  });
  usePageTitle(t('offers.manage'));
  return (
    <div className="page page-narrow offers">
      <h1>{t('offers.manage')}</h1>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <QueryError error={q.error} /> : null}
      <ul className="card-list">
        {q.data?.items.map((o) => (
          <li key={o.id} className="card managed-offer" data-testid="managed-offer">
            <span>
              <Link to={`/offers/${o.id}`}>{o.title}</Link> — {t(`offers.status.${o.status}`)} ·{' '}
              {t('offers.interestCount', { count: o.interestCount ?? 0 })}
            </span>
            {o.status !== 'published' ? (
              <button type="button" className="button-secondary" onClick={() => status.mutate({ id: o.id, status: 'published' })}>
                {t('offers.publish')}
              </button>
            ) : (
              <button type="button" className="button-secondary" onClick={() => status.mutate({ id: o.id, status: 'closed' })}>
                {t('offers.close')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <h2>{t('offers.create')}</h2>
      <form
        className="offer-form stack"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <OfferFormFields form={form} setForm={setForm} />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={create.isPending}>
            {t('offers.save')}
          </button>
        </div>
        {create.isError ? <QueryError error={create.error} /> : null}
      </form>
    </div>
  );
}

/** Every input the offer contract accepts, each with its label: text, kind and mode, S&T fields, sectors, program, deadline. */
function OfferFormFields({ form, setForm }: { form: OfferDraft; setForm: (f: OfferDraft) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const taxonomy = useTaxonomy();
  const fieldNameOf = useFieldNames(language);
  const programs = useOpenPrograms();
  const fields = form.fields ?? [];
  const sectors = form.sectors ?? [];
  return (
    <>
      <label className="field">
        <span className="field-label">{t('offers.titleField')}</span>
        <input required minLength={3} maxLength={200} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
      </label>
      <div className="offer-form-row">
        <label className="field">
          <span className="field-label">{t('offers.kindLabel')}</span>
          <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as OfferDraft['kind'] })}>
            {(['position', 'short_term', 'visiting', 'remote'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`offers.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('offers.modeLabel')}</span>
          <select value={form.mode} onChange={(e) => setForm({ ...form, mode: e.target.value as OfferDraft['mode'] })}>
            {(['on_site', 'remote', 'hybrid'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`offers.mode.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field">
        <span className="field-label">{t('offers.description')}</span>
        <textarea rows={4} maxLength={5000} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
      </label>
      <label className="field">
        <span className="field-label">{t('offers.requirements')}</span>
        <textarea
          rows={3}
          maxLength={3000}
          value={form.requirements}
          onChange={(e) => setForm({ ...form, requirements: e.target.value })}
        />
      </label>
      <div className="field">
        <span className="field-label">{t('offers.fieldsLabel')}</span>
        {taxonomy.data ? (
          <FieldPicker
            fields={taxonomy.data.fields}
            chosen={fields}
            disabled={fields.length >= 10}
            onPick={(code) => setForm({ ...form, fields: [...fields, code] })}
          />
        ) : null}
        {fields.length ? (
          <ul className="offer-chosen">
            {fields.map((code) => (
              <li key={code}>
                {fieldNameOf(code)}{' '}
                <button
                  type="button"
                  className="button-link"
                  aria-label={t('offers.removeField', { name: fieldNameOf(code) })}
                  onClick={() => setForm({ ...form, fields: fields.filter((c) => c !== code) })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <fieldset className="offer-sectors">
        <legend className="field-label">{t('offers.sectorLabel')}</legend>
        {referenceData.prioritySectors.map((s) => (
          <label key={s.code} className="check-row">
            <input
              type="checkbox"
              checked={sectors.includes(s.code)}
              onChange={(e) => setForm({ ...form, sectors: e.target.checked ? [...sectors, s.code] : sectors.filter((c) => c !== s.code) })}
            />
            <span>{s[language]}</span>
          </label>
        ))}
      </fieldset>
      <div className="offer-form-row">
        <label className="field">
          <span className="field-label">{t('offers.programLabel')}</span>
          <select value={form.programId ?? ''} onChange={(e) => setForm({ ...form, programId: e.target.value || null })}>
            <option value="">{t('offers.noProgram')}</option>
            {programs.data?.items.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title[language]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('offers.closesAtLabel')}</span>
          <input type="date" value={form.closesAt ?? ''} onChange={(e) => setForm({ ...form, closesAt: e.target.value || null })} />
        </label>
      </div>
      <label className="check-row">
        <input
          type="checkbox"
          checked={form.overseasWelcome ?? false}
          onChange={(e) => setForm({ ...form, overseasWelcome: e.target.checked })}
        />
        <span>{t('offers.overseasLabel')}</span>
      </label>
    </>
  );
}
