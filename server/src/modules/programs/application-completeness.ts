import type { Criterion, DeclaredFacts, LocalisedText } from '../eligibility/eligibility.schemas.js';
import type { ProgramContent } from './programs.schemas.js';

/** What an application still lacks before it can be submitted; the wizard links each item to its step. */
export interface MissingItem {
  kind: 'document' | 'fact' | 'evidence' | 'consent';
  /** A required document's code, a declared fact's key, or `program_assessment` for the consent. */
  code: string;
  label: LocalisedText;
}

const CONSENT_LABEL: LocalisedText = {
  vi: 'Đồng ý cho phép đánh giá hồ sơ trong chương trình thu hút nhân tài',
  en: 'Consent to assessment in talent programs',
};

/**
 * The declared facts the requirements cannot do without: those asked by a `declared` criterion reached
 * from the root through `all` and `not` only. A fact under an `any` is one alternative among others
 * (the profile may meet another), and a fact used only by a benefit group never blocks a submission.
 */
export function requiredFactKeys(requirements: Criterion): Set<string> {
  const keys = new Set<string>();
  const visit = (c: Criterion) => {
    if (c.kind === 'all') c.of.forEach(visit);
    else if (c.kind === 'not') visit(c.of);
    else if (c.kind === 'declared') keys.add(c.fact);
  };
  visit(requirements);
  return keys;
}

/** An answer that claims something (yes, a count above zero, a choice) needs its evidence file. */
const claims = (v: DeclaredFacts[string] | undefined) =>
  v === true || (typeof v === 'number' && v > 0) || (typeof v === 'string' && v !== '');

/**
 * Required documents without a file, required facts unanswered, claimed facts whose evidence is
 * required but absent, and the consent to assessment when the applicant has none.
 */
export function missingForSubmission(x: {
  content: Pick<ProgramContent, 'requiredDocuments' | 'rules'>;
  declared: DeclaredFacts;
  documentPurposes: readonly string[];
  consentGranted: boolean;
}): MissingItem[] {
  const purposes = new Set(x.documentPurposes);
  const required = requiredFactKeys(x.content.rules.requirements);
  const missing: MissingItem[] = [];
  for (const f of x.content.rules.declaredFacts)
    if (required.has(f.key) && x.declared[f.key] === undefined) missing.push({ kind: 'fact', code: f.key, label: f.label });
  for (const d of x.content.requiredDocuments)
    if (d.required && !purposes.has(d.code)) missing.push({ kind: 'document', code: d.code, label: d.label });
  for (const f of x.content.rules.declaredFacts)
    if (f.evidenceRequired && claims(x.declared[f.key]) && !purposes.has(`fact:${f.key}`))
      missing.push({ kind: 'evidence', code: f.key, label: f.label });
  if (!x.consentGranted) missing.push({ kind: 'consent', code: 'program_assessment', label: CONSENT_LABEL });
  return missing;
}
