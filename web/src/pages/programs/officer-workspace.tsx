import type { Criterion, RuleDocument } from '@hpen/server/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import {
  getProgramVersions,
  listApplications,
  listManagedPrograms,
  programKeys,
  saveProgram,
  setProgramStatus,
  testProgramRules,
  type ProgramView,
  type RuleTestResult,
  type SampleFacts,
} from '../../api/programs.api';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { describeError } from '../../i18n/describe-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { ApplicationsTable, OutcomeBadge, RuleTree, ToConfirm } from './program-parts';
import { RuleDocumentEditor } from './rule-editor';
import type * as RuleSchemaModule from './rule-schema';
import { type EditorProps, ProgramForEditing } from './program-for-editing';

type RuleSchema = typeof RuleSchemaModule.ruleDocumentSchema;

/** The rule schema, loaded when the editor is shown; null until it has arrived (or if it could not load). */
function useRuleSchema(): { schema: RuleSchema | null; failed: boolean } {
  const [state, setState] = useState<{ schema: RuleSchema | null; failed: boolean }>({ schema: null, failed: false });
  useEffect(() => {
    let live = true;
    import('./rule-schema').then(
      (m) => live && setState({ schema: m.ruleDocumentSchema, failed: false }),
      () => live && setState({ schema: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

const UUID_G = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const STATUSES = ['submitted', 'in_review', 'needs_information', 'approved', 'rejected', 'withdrawn'] as const;

/** `/programs/officer`: the programs I manage (versions, status) and the application queue with its ageing. */
export function OfficerWorkspace() {
  const { t } = useTranslation();
  const language = useLanguage();
  const programs = useQuery({ queryKey: programKeys.manage, queryFn: listManagedPrograms });
  const [status, setStatus] = useState('');
  const [programId, setProgramId] = useState('');
  const [oldestFirst, setOldestFirst] = useState(true);
  const queue = useQuery({
    queryKey: [...programKeys.applications('queue'), status, programId],
    queryFn: () => listApplications({ scope: 'queue', status, programId }),
  });
  const items = useMemo(
    () => [...(queue.data?.items ?? [])].sort((a, b) => (oldestFirst ? b.ageDays - a.ageDays : a.ageDays - b.ageDays)),
    [queue.data, oldestFirst],
  );
  usePageTitle(t('programs.officer'));
  return (
    <div className="page programs" data-testid="officer-workspace">
      <div className="page-head">
        <h1>{t('programs.officer')}</h1>
        <Link to="/programs">{t('programs.title')}</Link>
      </div>
      <section className="panel" aria-labelledby="officer-programs">
        <div className="page-head">
          <h2 id="officer-programs">{t('programs.editor.programs')}</h2>
          <Link className="button-primary button-small" to="/programs/officer/new" data-testid="new-program">
            {t('programs.editor.newProgram')}
          </Link>
        </div>
        {programs.isPending ? <Loading /> : null}
        {programs.isError ? <QueryError error={programs.error} /> : null}
        {programs.data ? (
          <table className="data-table responsive-table">
            <thead>
              <tr>
                <th scope="col">{t('programs.app.program')}</th>
                <th scope="col">{t('programs.app.statusCol')}</th>
                <th scope="col">{t('programs.editor.versions')}</th>
                <th scope="col">{t('programs.window')}</th>
              </tr>
            </thead>
            <tbody>
              {programs.data.items.map((p) => (
                <tr key={p.id} data-testid="managed-program" data-code={p.code}>
                  <th scope="row">
                    <Link className="cell-title" to={`/programs/officer/${p.id}`}>
                      {p.title[language]}
                    </Link>
                    <div className="cell-sub">{p.code}</div>
                  </th>
                  <td data-label={t('programs.app.statusCol')}>
                    {t(`programs.status.${p.status}`)} {p.open ? `· ${t('programs.open')}` : ''}
                  </td>
                  <td data-label={t('programs.editor.versions')}>{t('programs.version', { version: p.version })}</td>
                  <td data-label={t('programs.window')}>
                    {formatDate(p.applicationWindow.opensOn, language)} – {formatDate(p.applicationWindow.closesOn, language)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="officer-queue">
        <h2 id="officer-queue">{t('programs.queue.title')}</h2>
        <div className="filters">
          <label className="field field-inline">
            <span className="field-label">{t('programs.queue.filterStatus')}</span>
            <select value={status} onChange={(e) => setStatus(e.target.value)} data-testid="queue-status">
              <option value="">{t('programs.queue.all')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`programs.app.status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field field-inline">
            <span className="field-label">{t('programs.queue.filterProgram')}</span>
            <select value={programId} onChange={(e) => setProgramId(e.target.value)}>
              <option value="">{t('programs.queue.all')}</option>
              {programs.data?.items.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.code}
                </option>
              ))}
            </select>
          </label>
          <label className="field field-inline">
            <span className="field-label">{t('programs.queue.sortAge')}</span>
            <select value={oldestFirst ? 'old' : 'new'} onChange={(e) => setOldestFirst(e.target.value === 'old')}>
              <option value="old">{t('programs.queue.oldest')}</option>
              <option value="new">{t('programs.queue.newest')}</option>
            </select>
          </label>
        </div>
        {queue.isPending ? <Loading /> : null}
        {queue.isError ? <QueryError error={queue.error} /> : null}
        {queue.data && items.length === 0 ? <p>{t('programs.queue.none')}</p> : null}
        {items.length ? <ApplicationsTable items={items} showApplicant /> : null}
      </section>
    </div>
  );
}

/** Sample profiles of the test panel: a few typical applicants, ages counted from this year. */
function samples(doc: RuleDocument, asOf: string): Array<{ label: string; facts: SampleFacts }> {
  const year = Number(asOf.slice(0, 4));
  const yes: Record<string, boolean> = Object.fromEntries(doc.declaredFacts.filter((f) => f.type === 'boolean').map((f) => [f.key, true]));
  const grade: Record<string, string> = doc.declaredFacts.find((f) => f.key === 'graduation_grade') ? { graduation_grade: 'xuat_sac' } : {};
  return [
    {
      label: 'Cử nhân xuất sắc, 23 tuổi',
      facts: {
        asOf,
        highestDegree: 'DH',
        birthYear: year - 23,
        gender: 'male',
        sectors: ['information_technology'],
        declared: { ...yes, ...grade },
      },
    },
    {
      label: 'Thạc sĩ, 30 tuổi',
      facts: { asOf, highestDegree: 'ThS', birthYear: year - 30, gender: 'female', sectors: ['logistics'], declared: yes },
    },
    {
      label: 'Tiến sĩ, 45 tuổi',
      facts: { asOf, highestDegree: 'TS', birthYear: year - 45, gender: 'male', sectors: ['marine_economy'], declared: yes },
    },
    {
      label: 'PGS.TS, 58 tuổi',
      facts: {
        asOf,
        highestDegree: 'TS',
        academicTitle: 'PGS',
        birthYear: year - 58,
        gender: 'male',
        sectors: ['education'],
        declared: yes,
      },
    },
    {
      label: 'Kỹ sư 28 tuổi, chưa khai',
      facts: { asOf, highestDegree: 'DH', birthYear: year - 28, gender: 'female', sectors: [], declared: {} },
    },
  ];
}

function labelsOf(doc: RuleDocument, language: 'vi' | 'en') {
  const map = new Map<string, string>();
  const visit = (c: Criterion) => {
    map.set(c.id, c.label[language]);
    if (c.kind === 'all' || c.kind === 'any') c.of.forEach(visit);
    else if (c.kind === 'not') visit(c.of);
  };
  visit(doc.requirements);
  doc.groups.forEach((g) => visit(g.when));
  return map;
}

/** `/programs/officer/:id`: the rule editor form, its plain-language preview, the test panel, save (a new version once published) and publish. */
export function ProgramEditorPage() {
  const { t } = useTranslation();
  return (
    <ProgramForEditing title={t('programs.editor.title')} remountKey={(p) => `${p.id}:${p.version}:${p.status}`} editor={ProgramEditor} />
  );
}

function ProgramEditor({ program, message, setMessage }: EditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [rules, setRules] = useState<RuleDocument>(() => structuredClone(program.content.rules));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [results, setResults] = useState<RuleTestResult[] | null>(null);
  const [profileIds, setProfileIds] = useState('');
  const versions = useQuery({ queryKey: programKeys.versions(program.id), queryFn: () => getProgramVersions(program.id) });
  const ruleSchema = useRuleSchema();
  // Until the schema has loaded the document counts as not yet checked: preview, test and save wait for it.
  const parsed = ruleSchema.schema ? ruleSchema.schema.safeParse(rules) : { success: false as const, error: null };
  const doc = parsed.success ? parsed.data : null;
  const invalid =
    parsed.success || !parsed.error
      ? null
      : parsed.error.issues
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .slice(0, 3)
          .join('; ');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['programs'] });
  const onError = (e: unknown) => setError(describeError(e, t));
  const save = useMutation({
    mutationFn: () => saveProgram(program.id, { content: { ...program.content, rules: doc! }, version: program.version, note }),
    onMutate: () => {
      setError(null);
      setMessage(null);
    },
    onSuccess: (r) => {
      setMessage(t('programs.editor.saved', { version: r.version }));
      refresh();
    },
    onError,
  });
  const status = useMutation({
    mutationFn: (s: ProgramView['status']) => setProgramStatus(program.id, s),
    onMutate: () => setError(null),
    onSuccess: refresh,
    onError,
  });
  const asOf = new Date().toISOString().slice(0, 10);
  const test = useMutation({
    mutationFn: () =>
      testProgramRules(program.id, {
        rules: doc!,
        profiles: samples(doc!, asOf),
        profileIds: [...new Set(profileIds.match(UUID_G) ?? [])].slice(0, 20),
      }),
    onMutate: () => setError(null),
    onSuccess: (r) => setResults(r.results),
    onError,
  });
  const labels = labelsOf(parsed.success ? parsed.data : program.content.rules, language);
  return (
    <div className="page programs program-editor" data-testid="program-editor">
      <p className="muted">
        <Link to="/programs/officer">{t('programs.officer')}</Link> · <Link to={`/programs/${program.id}`}>{program.code}</Link> ·{' '}
        <Link to={`/programs/officer/${program.id}/content`} data-testid="edit-content">
          {t('programs.editor.editContent')}
        </Link>
      </p>
      <h1>{program.content.title[language]}</h1>
      <p>
        {t('programs.version', { version: program.version })} · {t(`programs.status.${program.status}`)}{' '}
        {program.status !== 'published' ? (
          <button
            type="button"
            className="button-primary button-small"
            onClick={() => status.mutate('published')}
            disabled={status.isPending}
            data-testid="publish"
          >
            {t('programs.editor.publish')}
          </button>
        ) : (
          <button
            type="button"
            className="button-small button-secondary"
            onClick={() => status.mutate('closed')}
            disabled={status.isPending}
          >
            {t('programs.editor.close')}
          </button>
        )}
      </p>
      {program.toConfirm.length ? (
        <section className="panel" aria-labelledby="to-confirm-list">
          <h2 id="to-confirm-list">{t('programs.toConfirmTitle')}</h2>
          <ul data-testid="to-confirm-list">
            {program.toConfirm.map((c) => (
              <li key={c.id}>
                {c.label[language]} <ToConfirm source={c.source} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="editor-layout">
        <section className="panel" aria-labelledby="rules-form">
          <h2 id="rules-form">{t('programs.editor.rules')}</h2>
          <RuleDocumentEditor value={rules} onChange={setRules} />
        </section>
        <aside className="editor-side">
          <section className="panel" aria-labelledby="rules-preview">
            <h2 id="rules-preview">{t('programs.editor.preview')}</h2>
            {parsed.success ? (
              <ul className="rule-list rule-root">
                <RuleTree criterion={parsed.data.requirements} facts={parsed.data.declaredFacts} />
              </ul>
            ) : !parsed.error ? (
              ruleSchema.failed ? (
                <p className="notice notice-error">{t('errors.network_error')}</p>
              ) : (
                <Loading />
              )
            ) : (
              <p className="notice notice-error" data-testid="rules-invalid">
                {t('programs.editor.invalid', { message: invalid })}
              </p>
            )}
          </section>
          <section className="panel" aria-labelledby="rules-test" data-testid="rule-test">
            <h2 id="rules-test">{t('programs.editor.test')}</h2>
            <p className="muted">
              {t('programs.editor.testLead')} {t('programs.editor.sampleDeclaresAll')}
            </p>
            <label className="field">
              <span className="field-label">{t('programs.editor.profileIds')}</span>
              <input value={profileIds} onChange={(e) => setProfileIds(e.target.value)} data-testid="test-profile-ids" />
            </label>
            <button
              type="button"
              className="button-primary"
              onClick={() => test.mutate()}
              disabled={!parsed.success || test.isPending}
              data-testid="run-test"
            >
              {t('programs.editor.runTest')}
            </button>
            {results ? (
              <ul className="test-results">
                {results.map((r) => (
                  <li key={r.label} data-testid="test-result" data-outcome={r.outcome}>
                    <details>
                      <summary>
                        {r.label}: <OutcomeBadge outcome={r.outcome} /> {r.group ? `· ${t('programs.editor.group')}: ${r.group}` : ''}{' '}
                        {r.gap ? `· ${t('programs.editor.gap')}: ${r.gap}` : ''}
                      </summary>
                      <ul>
                        {r.criteria.map((c) => (
                          <li key={c.id} style={{ marginInlineStart: `${c.depth}rem` }}>
                            <span className={`badge criterion-${c.status}`}>{t(`programs.criterion.${c.status as 'met'}`)}</span>{' '}
                            {labels.get(c.id) ?? c.id}
                            {c.value !== undefined && c.value !== null
                              ? ` (${Array.isArray(c.value) ? c.value.join(', ') : String(c.value)})`
                              : ''}
                          </li>
                        ))}
                      </ul>
                    </details>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
          <section className="panel" aria-labelledby="rules-save">
            <h2 id="rules-save">{t('programs.editor.versions')}</h2>
            <label className="field">
              <span className="field-label">{t('programs.editor.note')}</span>
              <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} data-testid="version-note" />
            </label>
            <button
              type="button"
              className="button-primary"
              onClick={() => save.mutate()}
              disabled={!parsed.success || save.isPending}
              data-testid="save-rules"
            >
              {t('programs.editor.save')}
            </button>
            {message ? (
              <p className="notice notice-success" role="status">
                {message}
              </p>
            ) : null}
            <ul>
              {versions.data?.items.map((v) => (
                <li key={v.version}>
                  {t('programs.version', { version: v.version })} —{' '}
                  {v.publishedAt
                    ? t('programs.editor.published', { date: formatDate(v.publishedAt, language) })
                    : t('programs.editor.unpublished')}
                  {v.note ? ` · ${v.note}` : ''}
                </li>
              ))}
            </ul>
          </section>
          {error ? <p className="notice notice-error">{error}</p> : null}
        </aside>
      </div>
    </div>
  );
}
