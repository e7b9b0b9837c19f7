import type { ProgramRow, ProgramVersionRow } from '@hpen/db';
import type { CriterionResult } from '../eligibility/eligibility.schemas.js';
import type { EligibilityResult } from '../eligibility/eligibility-rules.js';
import type { Criterion } from '../eligibility/eligibility.schemas.js';
import { type ProgramContent, programContentSchema } from './programs.schemas.js';
import type { z } from 'zod';
import type { eligibilityCriterionSchema, programEligibilitySchema, programSummarySchema } from './programs.schemas.js';

type Lang = 'vi' | 'en';

/** Stored content is validated on write; parsing again on read keeps an old row from leaking an odd shape. */
export const contentOf = (v: ProgramVersionRow): ProgramContent => programContentSchema.parse(v.content);

export function isOpen(p: ProgramRow, content: ProgramContent, today: string): boolean {
  const w = content.applicationWindow;
  return p.status === 'published' && (!w.opensOn || w.opensOn <= today) && (!w.closesOn || w.closesOn >= today);
}

export function summaryOf(p: ProgramRow, v: ProgramVersionRow, today: string): z.infer<typeof programSummarySchema> {
  const content = contentOf(v);
  const amounts = content.benefits.map((b) => b.oneTimeVnd).filter((x): x is number => x !== null);
  return {
    id: p.id,
    code: p.code,
    status: p.status,
    version: v.version,
    title: content.title,
    summary: content.summary,
    agency: content.agency,
    applicationWindow: content.applicationWindow,
    maxOneTimeVnd: amounts.length ? Math.max(...amounts) : null,
    open: isOpen(p, content, today),
  };
}

/** Every criterion, benefit and legal basis not verified in the official text: the officer's "to confirm" list. */
export function toConfirmOf(content: ProgramContent) {
  const out: Array<{ id: string; label: { vi: string; en: string }; source?: { ref: string; link?: string; certainty: 'V' | 'P' | 'U' } }> =
    [];
  const visit = (c: Criterion) => {
    if (c.toConfirm || (c.source && c.source.certainty !== 'V'))
      out.push({ id: c.id, label: c.label, ...(c.source ? { source: c.source } : {}) });
    if (c.kind === 'all' || c.kind === 'any') c.of.forEach(visit);
    else if (c.kind === 'not') visit(c.of);
  };
  visit(content.rules.requirements);
  content.rules.groups.forEach((g) => visit(g.when));
  for (const b of content.benefits)
    if (b.toConfirm || (b.source && b.source.certainty !== 'V'))
      out.push({ id: `benefit:${b.group}`, label: b.label, ...(b.source ? { source: b.source } : {}) });
  for (const l of content.legalBasis)
    if (l.certainty !== 'V')
      out.push({
        id: `legal:${l.number}`,
        label: { vi: `${l.number} ${l.article}`.trim(), en: `${l.number} ${l.article}`.trim() },
        source: { ref: l.number, certainty: l.certainty, ...(l.link ? { link: l.link } : {}) },
      });
  return out;
}

/** Where the web fills a gap: the profile editor's section, or the application's declared facts. */
export function linkFor(c: CriterionResult, programId: string): string | undefined {
  if (!c.fill) return undefined;
  return 'section' in c.fill ? `/profile/edit#${c.fill.section}` : `/programs/${programId}/apply#fact-${c.fill.fact}`;
}

export function presentCriteria(list: CriterionResult[], lang: Lang, programId: string): Array<z.infer<typeof eligibilityCriterionSchema>> {
  return list.map((c) => {
    const link = linkFor(c, programId);
    return { ...c, label: c.label[lang], labels: c.label, ...(link ? { link } : {}) };
  });
}

export function presentEligibility(
  p: ProgramRow,
  v: ProgramVersionRow,
  result: EligibilityResult,
  lang: Lang,
): z.infer<typeof programEligibilitySchema> {
  const content = contentOf(v);
  const benefit = result.group ? content.benefits.find((b) => b.group === result.group) : undefined;
  const groupLabel = content.rules.groups.find((g) => g.code === result.group)?.label;
  return {
    programId: p.id,
    code: p.code,
    title: content.title[lang],
    version: v.version,
    outcome: result.outcome,
    criteria: presentCriteria(result.criteria, lang, p.id),
    groups: result.groups.map((g) => ({
      code: g.code,
      label: g.label[lang],
      status: g.status,
      criteria: presentCriteria(g.criteria, lang, p.id),
    })),
    benefit: result.group
      ? {
          group: result.group,
          label: (benefit?.label ?? groupLabel ?? { vi: result.group, en: result.group })[lang],
          oneTimeVnd: benefit?.oneTimeVnd ?? null,
          monthlyMinWageMultiple: benefit?.monthlyMinWageMultiple ?? null,
        }
      : null,
  };
}
