import type { ConsultationRow } from '@hpen/db';
import type { ExpertView } from '../profiles/profiles.schemas.js';
import { foldVietnamese } from '../shared/text.js';
import { availabilityFor } from './consultations.state.js';

export interface Reason {
  code: string;
  detail: string;
  points: number;
}

const DEGREE_POINTS: Record<string, number> = { TSKH: 10, TS: 8, CKII: 6, ThS: 4, CKI: 3 };
const TITLE_POINTS: Record<string, number> = { GS: 8, PGS: 6 };
const STRONG_LEVELS = new Set(['B2', 'C1', 'C2', 'native']);

type CaseInput = Pick<ConsultationRow, 'kind' | 'fields' | 'sectors' | 'keywords'>;

/** Fields: exact code, a sub-field of a requested field, or the parent of a requested sub-field. */
function fieldReasons(c: CaseInput, view: ExpertView): Reason[] {
  const mine = (view.fields ?? []).map((f) => f.code);
  return c.fields.flatMap((f): Reason[] => {
    if (mine.includes(f)) return [{ code: 'field', detail: f, points: 30 }];
    const sub = mine.find((m) => m.startsWith(f));
    if (sub) return [{ code: 'sub_field', detail: sub, points: 20 }];
    const parent = mine.find((m) => f.startsWith(m));
    return parent ? [{ code: 'parent_field', detail: parent, points: 10 }] : [];
  });
}

function keywordReasons(c: CaseInput, view: ExpertView): Reason[] {
  const theirs = new Set((view.keywords ?? []).map(foldVietnamese));
  const text = foldVietnamese([view.bio?.vi, view.bio?.en, ...(view.positions ?? []).map((p) => p.title)].join(' '));
  return c.keywords.flatMap((k): Reason[] => {
    const f = foldVietnamese(k);
    if (theirs.has(f)) return [{ code: 'keyword', detail: k, points: 10 }];
    return f.length >= 3 && text.includes(f) ? [{ code: 'keyword_text', detail: k, points: 5 }] : [];
  });
}

function profileReasons(view: ExpertView): Reason[] {
  const r: Reason[] = [];
  if (view.verified.length) r.push({ code: 'verified', detail: [...new Set(view.verified.map((b) => b.itemType))].join(', '), points: 10 });
  if (view.highestDegree && DEGREE_POINTS[view.highestDegree])
    r.push({ code: 'degree', detail: view.highestDegree, points: DEGREE_POINTS[view.highestDegree]! });
  if (view.academicTitle) r.push({ code: 'title', detail: view.academicTitle, points: TITLE_POINTS[view.academicTitle] ?? 0 });
  const langs = (view.languages ?? []).filter((l) => l.code !== 'vi' && STRONG_LEVELS.has(l.level)).slice(0, 3);
  if (langs.length) r.push({ code: 'languages', detail: langs.map((l) => `${l.code}:${l.level}`).join(', '), points: 2 * langs.length });
  const loc = view.location;
  if (loc?.kind === 'haiphong') r.push({ code: 'location', detail: 'haiphong', points: 5 });
  if (loc?.kind === 'overseas') r.push({ code: 'overseas', detail: loc.country, points: 2 });
  if (view.availability?.modes.includes('remote')) r.push({ code: 'remote', detail: 'remote', points: 2 });
  return r;
}

/** Every reason an expert fits a case, with its points; the score is their sum. */
export function scoreExpert(
  c: CaseInput,
  view: ExpertView,
  extra: { textRank: number | null; workload: { active: number; last12Months: number }; workloadCap: number },
) {
  const reasons = [...fieldReasons(c, view), ...keywordReasons(c, view)];
  const sectors = (view.sectors ?? []).filter((s) => c.sectors.includes(s));
  if (sectors.length) reasons.push({ code: 'sector', detail: sectors.join(', '), points: 5 * sectors.length });
  if (extra.textRank !== null) reasons.push({ code: 'text', detail: `#${extra.textRank + 1}`, points: Math.max(2, 15 - extra.textRank) });
  const available = (view.availability?.kinds ?? []).includes(availabilityFor[c.kind]);
  if (available) reasons.push({ code: 'availability', detail: availabilityFor[c.kind], points: 15 });
  reasons.push(...profileReasons(view));
  const { active, last12Months } = extra.workload;
  const overCap = active >= extra.workloadCap;
  if (active || last12Months)
    reasons.push({
      code: 'workload',
      detail: `${active} / ${last12Months}`,
      points: -(6 * active + 2 * last12Months + (overCap ? 20 : 0)),
    });
  const score = reasons.reduce((sum, r) => sum + r.points, 0);
  return { reasons, score, available, overCap };
}
