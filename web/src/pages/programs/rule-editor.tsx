import { employerTypes, referenceData, type Criterion, type DeclaredFactDefinition, type RuleDocument } from '@hpen/server/contracts';
import { useTranslation } from '../../i18n/use-translation';
import { useLanguage } from '../../lib/use-language';
import { isToConfirm, ruleSentence } from './rule-sentences';

/**
 * The officer's rule editor: a form over the rule document (never raw JSON). Every criterion has
 * a kind, its operator and values, its wording in both languages, its legal source and the
 * "to confirm" mark; all / any / not groups nest; benefit groups map to a criterion each.
 */
type Loose = { id: string; kind: string; label: { vi: string; en: string }; [k: string]: unknown };
const LEAF_KINDS = [
  'degree',
  'title',
  'trained_abroad',
  'graduation_grade',
  'age',
  'remaining_working_years',
  'sector',
  'field',
  'publications',
  'patents',
  'projects_led',
  'awards',
  'language',
  'experience_years',
  'employer_type',
  'declared',
] as const;
const KINDS = ['all', 'any', 'not', ...LEAF_KINDS] as const;
const GRADES = ['kha', 'gioi', 'xuat_sac'] as const;
const LEVELS = ['national', 'ministry', 'city', 'institutional', 'international', 'other'] as const;

let counter = 0;
export const newId = (prefix = 'C') => `${prefix}${Date.now().toString(36).toUpperCase()}${(counter++).toString(36).toUpperCase()}`;

/** What a criterion of that kind needs to be valid, keeping its id, wording, source and mark. */
function defaultsFor(kind: string): Record<string, unknown> {
  switch (kind) {
    case 'all':
    case 'any':
      return { of: [newLeaf()] };
    case 'not':
      return { of: newLeaf() };
    case 'degree':
      return { min: 'ThS' };
    case 'title':
      return { min: 'PGS' };
    case 'graduation_grade':
      return { min: 'gioi' };
    case 'age':
      return { max: 35, strict: true };
    case 'remaining_working_years':
      return { min: 10, retirementAge: { male: 62, female: 60, other: 62 } };
    case 'sector':
      return { anyOf: [referenceData.prioritySectors[0].code] };
    case 'field':
      return { anyOf: ['1'] };
    case 'publications':
    case 'patents':
    case 'projects_led':
    case 'awards':
      return { min: 1 };
    case 'language':
      return { min: 'B2' };
    case 'experience_years':
      return { min: 3 };
    case 'employer_type':
      return { anyOf: ['public_unit'] };
    case 'declared':
      return { fact: 'declared_fact', op: 'is_true' };
    default:
      return {};
  }
}

export function newLeaf(): Criterion {
  return { id: newId(), kind: 'degree', min: 'ThS', label: { vi: 'Điều kiện mới', en: 'New condition' } } as Criterion;
}

function changeKind(c: Loose, kind: string): Criterion {
  const { id, label, source, toConfirm } = c;
  return {
    id,
    label,
    ...(source ? { source } : {}),
    ...(toConfirm ? { toConfirm } : {}),
    kind,
    ...defaultsFor(kind),
  } as unknown as Criterion;
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

function NumberInput({
  label,
  value,
  onChange,
  min = 0,
}: {
  label: string;
  value: unknown;
  onChange: (n: number | undefined) => void;
  min?: number;
}) {
  return (
    <label className="field field-inline">
      <span className="field-label">{label}</span>
      <input
        type="number"
        min={min}
        value={typeof value === 'number' ? value : ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    </label>
  );
}

function Select({
  label,
  value,
  options,
  onChange,
  empty,
}: {
  label: string;
  value: unknown;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (v: string | undefined) => void;
  empty?: string;
}) {
  return (
    <label className="field field-inline">
      <span className="field-label">{label}</span>
      <select value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || undefined)}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Checks({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: unknown;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (v: string[]) => void;
}) {
  const selected = Array.isArray(value) ? (value as string[]) : [];
  const all = [...options, ...selected.filter((s) => !options.some((o) => o.value === s)).map((s) => ({ value: s, label: s }))];
  return (
    <fieldset className="field check-grid">
      <legend className="field-label">{label}</legend>
      {all.map((o) => (
        <label key={o.value}>
          <input
            type="checkbox"
            checked={selected.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...selected, o.value] : selected.filter((s) => s !== o.value))}
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

function TextList({ label, value, onChange }: { label: string; value: unknown; onChange: (v: string[] | undefined) => void }) {
  return (
    <label className="field field-inline">
      <span className="field-label">{label}</span>
      <input
        defaultValue={Array.isArray(value) ? (value as string[]).join(', ') : ''}
        onBlur={(e) => {
          const xs = list(e.target.value);
          onChange(xs.length ? xs : undefined);
        }}
      />
    </label>
  );
}

/** One criterion and, for a group, its children. */
export function CriterionEditor({
  value,
  facts,
  onChange,
  onRemove,
  onMove,
  depth = 0,
}: {
  value: Criterion;
  facts: readonly DeclaredFactDefinition[];
  onChange: (c: Criterion) => void;
  onRemove?: (() => void) | undefined;
  onMove?: ((delta: -1 | 1) => void) | undefined;
  depth?: number;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const c = value as unknown as Loose;
  const set = (key: string, v: unknown) => {
    const next: Loose = { ...c };
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) delete next[key];
    else next[key] = v;
    onChange(next as unknown as Criterion);
  };
  const e = (k: string) => t(`programs.editor.${k}` as never) as string;
  const degreeOptions = referenceData.degrees.map((d) => ({ value: d.code, label: d[language] }));
  const gradeOptions = GRADES.map((g) => ({ value: g, label: t(`programs.grade.${g}`) }));
  const withFact = (
    <label className="field field-inline">
      <span className="field-label">{e('fact')}</span>
      <input value={typeof c.fact === 'string' ? c.fact : ''} onChange={(ev) => set('fact', ev.target.value.trim() || undefined)} />
    </label>
  );
  const source = c.source as { ref: string; link?: string; certainty: 'V' | 'P' | 'U' } | undefined;
  const setSource = (patch: Partial<{ ref: string; link: string | undefined; certainty: 'V' | 'P' | 'U' }>) => {
    const next = { ref: source?.ref ?? '', certainty: source?.certainty ?? 'U', ...(source?.link ? { link: source.link } : {}), ...patch };
    if (!next.link) delete (next as { link?: string }).link;
    set('source', next.ref || next.link ? next : undefined);
  };
  const children: Criterion[] = c.kind === 'all' || c.kind === 'any' ? (c.of as Criterion[]) : c.kind === 'not' ? [c.of as Criterion] : [];
  return (
    <div className={`criterion-editor depth-${Math.min(depth, 4)}`} data-testid="criterion-editor" data-criterion={c.id}>
      <div className="criterion-editor-head">
        <Select
          label={e('kind')}
          value={c.kind}
          options={KINDS.map((k) => ({ value: k, label: t(`programs.editor.kinds.${k}`) }))}
          onChange={(k) => k && onChange(changeKind(c, k))}
        />
        <span className="rule-sentence" aria-live="polite">
          {ruleSentence(value, t, language, facts)}{' '}
          {isToConfirm(value) ? <span className="badge program-confirm">{t('programs.toConfirm')}</span> : null}
        </span>
        <span className="criterion-editor-tools">
          {onMove ? (
            <>
              <button type="button" className="button-small button-secondary" onClick={() => onMove(-1)} aria-label={`${e('up')} ${c.id}`}>
                ↑
              </button>
              <button type="button" className="button-small button-secondary" onClick={() => onMove(1)} aria-label={`${e('down')} ${c.id}`}>
                ↓
              </button>
            </>
          ) : null}
          {onRemove ? (
            <button type="button" className="button-small button-secondary" onClick={onRemove} data-testid="remove-criterion">
              {e('remove')}
            </button>
          ) : null}
        </span>
      </div>
      <div className="criterion-editor-fields">
        <label className="field field-inline">
          <span className="field-label">{e('labelVi')}</span>
          <input value={c.label.vi} maxLength={500} onChange={(ev) => set('label', { ...c.label, vi: ev.target.value })} />
        </label>
        <label className="field field-inline">
          <span className="field-label">{e('labelEn')}</span>
          <input value={c.label.en} maxLength={500} onChange={(ev) => set('label', { ...c.label, en: ev.target.value })} />
        </label>
        {c.kind === 'degree' ? (
          <>
            <Select label={e('min')} value={c.min} options={degreeOptions} onChange={(v) => set('min', v)} empty="—" />
            <Checks label={e('list')} value={c.anyOf} options={degreeOptions} onChange={(v) => set('anyOf', v)} />
          </>
        ) : null}
        {c.kind === 'title' ? (
          <Select
            label={e('min')}
            value={c.min}
            options={[
              { value: 'PGS', label: 'PGS' },
              { value: 'GS', label: 'GS' },
            ]}
            onChange={(v) => set('min', v ?? 'PGS')}
          />
        ) : null}
        {c.kind === 'trained_abroad' ? (
          <>
            <Select label={e('min')} value={c.minDegree} options={degreeOptions} onChange={(v) => set('minDegree', v)} empty="—" />
            <Select label={e('value')} value={c.minGrade} options={gradeOptions} onChange={(v) => set('minGrade', v)} empty="—" />
          </>
        ) : null}
        {c.kind === 'graduation_grade' ? (
          <>
            <Select label={e('min')} value={c.min} options={gradeOptions} onChange={(v) => set('min', v ?? 'gioi')} />
            <Select label={e('value')} value={c.degree} options={degreeOptions} onChange={(v) => set('degree', v)} empty="—" />
            {withFact}
          </>
        ) : null}
        {c.kind === 'age' ? (
          <>
            <NumberInput label={e('min')} value={c.min} onChange={(v) => set('min', v)} />
            <NumberInput label={e('max')} value={c.max} onChange={(v) => set('max', v)} />
            <label className="field-inline">
              <input type="checkbox" checked={c.strict === true} onChange={(ev) => set('strict', ev.target.checked || undefined)} />{' '}
              {e('strict')}
            </label>
          </>
        ) : null}
        {c.kind === 'remaining_working_years' ? (
          <>
            <NumberInput label={e('min')} value={c.min} onChange={(v) => set('min', v ?? 0)} />
            <NumberInput
              label={e('male')}
              min={40}
              value={(c.retirementAge as { male: number }).male}
              onChange={(v) => set('retirementAge', { ...(c.retirementAge as object), male: v ?? 62, other: v ?? 62 })}
            />
            <NumberInput
              label={e('female')}
              min={40}
              value={(c.retirementAge as { female: number }).female}
              onChange={(v) => set('retirementAge', { ...(c.retirementAge as object), female: v ?? 60 })}
            />
          </>
        ) : null}
        {c.kind === 'sector' ? (
          <Checks
            label={e('list')}
            value={c.anyOf}
            options={referenceData.prioritySectors.map((s) => ({ value: s.code, label: s[language] }))}
            onChange={(v) => set('anyOf', v)}
          />
        ) : null}
        {c.kind === 'field' ? <TextList label={e('list')} value={c.anyOf} onChange={(v) => set('anyOf', v)} /> : null}
        {['publications', 'patents', 'projects_led', 'awards'].includes(c.kind) ? (
          <NumberInput label={e('min')} value={c.min} onChange={(v) => set('min', v ?? 0)} />
        ) : null}
        {c.kind === 'publications' ? (
          <>
            <NumberInput label={e('value')} value={c.sinceYear} min={1900} onChange={(v) => set('sinceYear', v)} />
            <Select
              label={e('value')}
              value={c.role}
              options={[
                { value: 'any', label: '—' },
                { value: 'main_author', label: t('programs.rule.mainAuthor') },
              ]}
              onChange={(v) => set('role', v)}
              empty=""
            />
            <label className="field-inline">
              <input type="checkbox" checked={c.indexed === true} onChange={(ev) => set('indexed', ev.target.checked || undefined)} />{' '}
              {t('programs.rule.indexed')}
            </label>
            {withFact}
          </>
        ) : null}
        {c.kind === 'patents' ? (
          <>
            <Select
              label={e('value')}
              value={c.status}
              options={[
                { value: 'any', label: '—' },
                { value: 'granted', label: t('programs.rule.patentsGranted') },
                { value: 'granted_applied', label: t('programs.rule.patentsApplied') },
              ]}
              onChange={(v) => set('status', v)}
            />
            {withFact}
          </>
        ) : null}
        {c.kind === 'projects_led' ? (
          <>
            <Checks
              label={e('list')}
              value={c.levels}
              options={LEVELS.map((l) => ({ value: l, label: t(`programs.level.${l}`) }))}
              onChange={(v) => set('levels', v)}
            />
            <label className="field-inline">
              <input
                type="checkbox"
                checked={c.passedEvaluation === true}
                onChange={(ev) => set('passedEvaluation', ev.target.checked || undefined)}
              />{' '}
              {t('programs.rule.passed')}
            </label>
            {withFact}
          </>
        ) : null}
        {c.kind === 'awards' ? (
          <>
            <label className="field-inline">
              <input
                type="checkbox"
                checked={c.prestigious === true}
                onChange={(ev) => set('prestigious', ev.target.checked || undefined)}
              />{' '}
              {t('programs.rule.prestigious')}
            </label>
            {withFact}
          </>
        ) : null}
        {c.kind === 'language' ? (
          <>
            <Select
              label={e('min')}
              value={c.min}
              options={referenceData.cefrLevels.map((l) => ({ value: l, label: l }))}
              onChange={(v) => set('min', v ?? 'B2')}
            />
            <label className="field field-inline">
              <span className="field-label">ISO 639-1</span>
              <input
                value={typeof c.code === 'string' ? c.code : ''}
                maxLength={2}
                onChange={(ev) => set('code', ev.target.value.trim().toLowerCase() || undefined)}
              />
            </label>
          </>
        ) : null}
        {c.kind === 'experience_years' ? (
          <>
            <NumberInput label={e('min')} value={c.min} onChange={(v) => set('min', v ?? 0)} />
            {withFact}
          </>
        ) : null}
        {c.kind === 'employer_type' ? (
          <Checks
            label={e('list')}
            value={c.anyOf}
            options={employerTypes.map((x) => ({ value: x, label: t(`programs.employer.${x}`) }))}
            onChange={(v) => set('anyOf', v)}
          />
        ) : null}
        {c.kind === 'declared' ? (
          <>
            <Select
              label={e('fact')}
              value={c.fact}
              options={[
                ...facts.map((f) => ({ value: f.key, label: f.label[language] })),
                ...(facts.some((f) => f.key === c.fact) ? [] : [{ value: String(c.fact), label: String(c.fact) }]),
              ]}
              onChange={(v) => set('fact', v ?? 'declared_fact')}
            />
            <Select
              label={e('op')}
              value={c.op}
              options={(['is_true', 'at_least', 'one_of'] as const).map((o) => ({ value: o, label: t(`programs.editor.ops.${o}`) }))}
              onChange={(v) => {
                const next: Loose = { ...c, op: v ?? 'is_true' };
                if (v === 'at_least') next.value = 1;
                else if (v === 'one_of') next.value = ['yes'];
                else delete next.value;
                onChange(next as unknown as Criterion);
              }}
            />
            {c.op === 'at_least' ? <NumberInput label={e('value')} value={c.value} onChange={(v) => set('value', v ?? 0)} /> : null}
            {c.op === 'one_of' ? <TextList label={e('list')} value={c.value} onChange={(v) => set('value', v ?? [''])} /> : null}
          </>
        ) : null}
        <label className="field-inline">
          <input type="checkbox" checked={c.toConfirm === true} onChange={(ev) => set('toConfirm', ev.target.checked || undefined)} />{' '}
          {e('toConfirm')}
        </label>
        <details>
          <summary>{e('sourceRef')}</summary>
          <label className="field field-inline">
            <span className="field-label">{e('sourceRef')}</span>
            <input value={source?.ref ?? ''} maxLength={300} onChange={(ev) => setSource({ ref: ev.target.value })} />
          </label>
          <label className="field field-inline">
            <span className="field-label">{e('sourceLink')}</span>
            <input type="url" value={source?.link ?? ''} onChange={(ev) => setSource({ link: ev.target.value || undefined })} />
          </label>
          <Select
            label={e('certainty')}
            value={source?.certainty ?? 'U'}
            options={['V', 'P', 'U'].map((x) => ({ value: x, label: x }))}
            onChange={(v) => setSource({ certainty: (v ?? 'U') as 'V' | 'P' | 'U' })}
          />
        </details>
      </div>
      {children.length ? (
        <div className="criterion-children">
          {children.map((child, i) => (
            <CriterionEditor
              key={child.id}
              value={child}
              facts={facts}
              depth={depth + 1}
              onChange={(next) =>
                c.kind === 'not'
                  ? set('of', next)
                  : set(
                      'of',
                      children.map((x, k) => (k === i ? next : x)),
                    )
              }
              onRemove={
                c.kind === 'not' || children.length <= 1
                  ? undefined
                  : () =>
                      set(
                        'of',
                        children.filter((_, k) => k !== i),
                      )
              }
              onMove={
                c.kind === 'not'
                  ? undefined
                  : (delta) => {
                      const j = i + delta;
                      if (j < 0 || j >= children.length) return;
                      const xs = [...children];
                      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
                      set('of', xs);
                    }
              }
            />
          ))}
          {c.kind === 'all' || c.kind === 'any' ? (
            <button
              type="button"
              className="button-small button-secondary"
              onClick={() => set('of', [...children, newLeaf()])}
              data-testid="add-criterion"
            >
              {e('addChild')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** The whole rule document: requirements, benefit groups (code → criterion) and the declared facts asked of applicants. */
export function RuleDocumentEditor({ value, onChange }: { value: RuleDocument; onChange: (doc: RuleDocument) => void }) {
  const { t } = useTranslation();
  const e = (k: string) => t(`programs.editor.${k}` as never) as string;
  const facts = value.declaredFacts;
  const setGroups = (groups: RuleDocument['groups']) => onChange({ ...value, groups });
  const setFacts = (declaredFacts: RuleDocument['declaredFacts']) => onChange({ ...value, declaredFacts });
  return (
    <div className="rule-editor" data-testid="rule-editor">
      <h3>{e('requirements')}</h3>
      <CriterionEditor value={value.requirements} facts={facts} onChange={(requirements) => onChange({ ...value, requirements })} />
      <h3>{e('groups')}</h3>
      {value.groups.map((g, i) => (
        <div key={i} className="group-editor" data-testid="group-editor">
          <div className="criterion-editor-fields">
            <label className="field field-inline">
              <span className="field-label">{e('groupCode')}</span>
              <input
                value={g.code}
                pattern="[a-z][a-z0-9_]*"
                onChange={(ev) => setGroups(value.groups.map((x, k) => (k === i ? { ...x, code: ev.target.value } : x)))}
              />
            </label>
            <label className="field field-inline">
              <span className="field-label">{e('groupLabel')}</span>
              <input
                value={g.label.vi}
                onChange={(ev) =>
                  setGroups(value.groups.map((x, k) => (k === i ? { ...x, label: { ...x.label, vi: ev.target.value } } : x)))
                }
              />
            </label>
            <label className="field field-inline">
              <span className="field-label">{e('groupLabelEn')}</span>
              <input
                value={g.label.en}
                onChange={(ev) =>
                  setGroups(value.groups.map((x, k) => (k === i ? { ...x, label: { ...x.label, en: ev.target.value } } : x)))
                }
              />
            </label>
            <button
              type="button"
              className="button-small button-secondary"
              onClick={() => setGroups(value.groups.filter((_, k) => k !== i))}
            >
              {e('remove')}
            </button>
          </div>
          <CriterionEditor
            value={g.when}
            facts={facts}
            depth={1}
            onChange={(when) => setGroups(value.groups.map((x, k) => (k === i ? { ...x, when } : x)))}
          />
        </div>
      ))}
      <button
        type="button"
        className="button-small button-secondary"
        onClick={() =>
          setGroups([
            ...value.groups,
            { code: `group_${value.groups.length + 1}`, label: { vi: 'Nhóm mới', en: 'New group' }, when: newLeaf() },
          ])
        }
      >
        {e('addGroup')}
      </button>
      <h3>{e('declaredFacts')}</h3>
      {facts.map((f, i) => (
        <div key={i} className="criterion-editor-fields fact-editor">
          <label className="field field-inline">
            <span className="field-label">{e('fact')}</span>
            <input value={f.key} onChange={(ev) => setFacts(facts.map((x, k) => (k === i ? { ...x, key: ev.target.value } : x)))} />
          </label>
          <label className="field field-inline">
            <span className="field-label">{e('labelVi')}</span>
            <input
              value={f.label.vi}
              onChange={(ev) => setFacts(facts.map((x, k) => (k === i ? { ...x, label: { ...x.label, vi: ev.target.value } } : x)))}
            />
          </label>
          <label className="field field-inline">
            <span className="field-label">{e('labelEn')}</span>
            <input
              value={f.label.en}
              onChange={(ev) => setFacts(facts.map((x, k) => (k === i ? { ...x, label: { ...x.label, en: ev.target.value } } : x)))}
            />
          </label>
          <Select
            label={e('kind')}
            value={f.type}
            options={['boolean', 'number', 'choice'].map((x) => ({ value: x, label: x }))}
            onChange={(v) => setFacts(facts.map((x, k) => (k === i ? { ...x, type: (v ?? 'boolean') as typeof f.type } : x)))}
          />
          <label className="field-inline">
            <input
              type="checkbox"
              checked={f.evidenceRequired}
              onChange={(ev) => setFacts(facts.map((x, k) => (k === i ? { ...x, evidenceRequired: ev.target.checked } : x)))}
            />{' '}
            {t('programs.app.evidenceRequired')}
          </label>
          <button type="button" className="button-small button-secondary" onClick={() => setFacts(facts.filter((_, k) => k !== i))}>
            {e('remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button-small button-secondary"
        onClick={() =>
          setFacts([
            ...facts,
            { key: `fact_${facts.length + 1}`, label: { vi: 'Thông tin mới', en: 'New fact' }, type: 'boolean', evidenceRequired: false },
          ])
        }
      >
        {e('add')}
      </button>
    </div>
  );
}
