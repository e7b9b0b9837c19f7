import type { ProgramContent, RuleDocument } from '@hpen/server/contracts';

/**
 * The officer's content form edits a draft of the program content: inputs hold strings (amounts,
 * years, dates), rows carry a key for React, and `toContent` turns it into the API's shape.
 * Paths in the draft are the content's own (`benefits.0.oneTimeVnd`), so an issue from zod or
 * from the server's 400 `fields` lands under the input of the same name. It imports nothing
 * relative: tests/integration/program-content-draft.test.ts runs it under Node.
 */
type Loc = { vi: string; en: string };
type Certainty = 'V' | 'P' | 'U';
export interface SourceDraft {
  ref: string;
  link: string;
  certainty: Certainty;
}
export interface ContentDraft {
  code: string;
  note: string;
  title: Loc;
  summary: Loc;
  agency: string;
  legalBasis: Array<{ key: string; number: string; title: string; date: string; article: string; link: string; certainty: Certainty }>;
  targetGroups: Array<{ key: string; code: string; label: Loc }>;
  benefits: Array<{
    key: string;
    group: string;
    label: Loc;
    oneTimeVnd: string;
    monthlyMinWageMultiple: string;
    note: Loc;
    toConfirm: boolean;
    source: SourceDraft;
  }>;
  applicationWindow: { opensOn: string; closesOn: string };
  requiredDocuments: Array<{ key: string; code: string; label: Loc; required: boolean }>;
  serviceCommitment: { on: boolean; years: string; conditions: Loc; source: SourceDraft };
}
export type RowList = 'legalBasis' | 'targetGroups' | 'benefits' | 'requiredDocuments';

let counter = 0;
const rowKey = () => `row-${++counter}`;
const loc = (): Loc => ({ vi: '', en: '' });
const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
const noSource = (): SourceDraft => ({ ref: '', link: '', certainty: 'V' });
const sourceDraft = (s: { ref: string; link?: string | undefined; certainty: Certainty } | undefined): SourceDraft =>
  s ? { ref: s.ref, link: s.link ?? '', certainty: s.certainty } : noSource();

/** An empty row of each list, as "add" inserts it. */
export const emptyRow = {
  legalBasis: () => ({ key: rowKey(), number: '', title: '', date: '', article: '', link: '', certainty: 'V' as Certainty }),
  targetGroups: () => ({ key: rowKey(), code: '', label: loc() }),
  benefits: () => ({
    key: rowKey(),
    group: '',
    label: loc(),
    oneTimeVnd: '',
    monthlyMinWageMultiple: '',
    note: loc(),
    toConfirm: false,
    source: noSource(),
  }),
  requiredDocuments: () => ({ key: rowKey(), code: '', label: loc(), required: true }),
} satisfies Record<RowList, () => { key: string }>;

export function draftOf(c: ProgramContent | null): ContentDraft {
  if (!c)
    return {
      code: '',
      note: '',
      title: loc(),
      summary: loc(),
      agency: '',
      legalBasis: [emptyRow.legalBasis()],
      targetGroups: [],
      benefits: [],
      applicationWindow: { opensOn: '', closesOn: '' },
      requiredDocuments: [],
      serviceCommitment: { on: false, years: '', conditions: loc(), source: noSource() },
    };
  const commitment = c.serviceCommitment;
  return {
    code: '',
    note: '',
    title: { ...c.title },
    summary: { ...c.summary },
    agency: c.agency,
    legalBasis: c.legalBasis.map((l) => ({ ...l, key: rowKey(), date: l.date ?? '', link: l.link ?? '' })),
    targetGroups: c.targetGroups.map((g) => ({ key: rowKey(), code: g.code, label: { ...g.label } })),
    benefits: c.benefits.map((b) => ({
      key: rowKey(),
      group: b.group,
      label: { ...b.label },
      oneTimeVnd: text(b.oneTimeVnd),
      monthlyMinWageMultiple: text(b.monthlyMinWageMultiple),
      note: { ...b.note },
      toConfirm: b.toConfirm,
      source: sourceDraft(b.source),
    })),
    applicationWindow: { opensOn: c.applicationWindow.opensOn ?? '', closesOn: c.applicationWindow.closesOn ?? '' },
    requiredDocuments: c.requiredDocuments.map((d) => ({ key: rowKey(), code: d.code, label: { ...d.label }, required: d.required })),
    serviceCommitment: commitment
      ? { on: true, years: String(commitment.years), conditions: { ...commitment.conditions }, source: sourceDraft(commitment.source) }
      : { on: false, years: '', conditions: loc(), source: noSource() },
  };
}

/**
 * A number as typed: '' is "none"; VND amounts may carry thousands separators ("150.000.000").
 * What is not a number is passed on as typed, so validation names the field.
 */
function numberOf(value: string, integer: boolean): number | string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  const normal = integer ? trimmed.replace(/[\s.,]/g, '') : trimmed.replace(',', '.');
  const n = Number(normal);
  return normal !== '' && Number.isFinite(n) ? n : trimmed;
}
const orNull = (s: string) => (s.trim() ? s.trim() : null);
const sourceOf = (s: SourceDraft) =>
  s.ref.trim() ? { source: { ref: s.ref, certainty: s.certainty, ...(s.link.trim() ? { link: s.link.trim() } : {}) } } : {};

/** The body's `content`: the draft's fields in the API's shape, the rules kept as they are. */
export function toContent(d: ContentDraft, rules: RuleDocument): unknown {
  const commitment = d.serviceCommitment;
  return {
    title: d.title,
    summary: d.summary,
    agency: d.agency,
    legalBasis: d.legalBasis.map(({ key: _key, ...l }) => ({ ...l, date: orNull(l.date), link: orNull(l.link) })),
    targetGroups: d.targetGroups.map(({ key: _key, ...g }) => g),
    benefits: d.benefits.map(({ key: _key, source, oneTimeVnd, monthlyMinWageMultiple, ...b }) => ({
      ...b,
      oneTimeVnd: numberOf(oneTimeVnd, true),
      monthlyMinWageMultiple: numberOf(monthlyMinWageMultiple, false),
      ...sourceOf(source),
    })),
    applicationWindow: { opensOn: orNull(d.applicationWindow.opensOn), closesOn: orNull(d.applicationWindow.closesOn) },
    requiredDocuments: d.requiredDocuments.map(({ key: _key, ...r }) => r),
    serviceCommitment: commitment.on
      ? { years: numberOf(commitment.years, true) ?? '', conditions: commitment.conditions, ...sourceOf(commitment.source) }
      : null,
    rules,
  };
}

/** A new program's rules until the officer writes them in the rule editor: a university degree. */
export const STARTER_RULES: RuleDocument = {
  schemaVersion: 1,
  requirements: {
    id: 'R1',
    kind: 'all',
    label: { vi: 'Điều kiện chung', en: 'General requirements' },
    of: [{ id: 'R2', kind: 'degree', min: 'DH', label: { vi: 'Có bằng đại học trở lên', en: 'A university degree or higher' } }],
  },
  groups: [],
  declaredFacts: [],
} as RuleDocument;
