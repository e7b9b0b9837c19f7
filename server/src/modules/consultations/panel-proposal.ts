import type { PanelRole } from '@hpen/db/enums';
import type { ScoredCandidate } from './consultation-matching.js';

const ORG_TYPES: Array<[string, RegExp]> = [
  ['university', /dai hoc|truong|university|college|hoc vien/],
  ['institute', /vien|institute|trung tam nghien cuu/],
  ['government', /^so |uy ban|\bbo\b|department|ministry|cuc /],
  ['enterprise', /cong ty|tap doan|company|corporation|jsc/],
];

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
export function organisationType(c: ScoredCandidate): string {
  const current = (c.view.positions ?? []).find((p) => p.current || p.to === null);
  if (!current) return 'unknown';
  const name = fold(current.organisation);
  return ORG_TYPES.find(([, re]) => re.test(name))?.[0] ?? 'other';
}

const RANK: Record<string, number> = { GS: 3, PGS: 2 };
const young = (c: ScoredCandidate, year: number) => c.view.birthYear != null && year - c.view.birthYear < 40;

/**
 * A proposal of `size` members: greedy, each pick covering the most still-uncovered fields, then
 * adding what the panel lacks (an organisation type, a woman, a young scientist, someone abroad),
 * then the match score. Conflicted or over-cap experts are never proposed. Staff adjust by hand.
 */
export function proposePanel(candidates: ScoredCandidate[], caseFields: string[], size: number, year: number) {
  const pool = candidates.filter((c) => c.registered && c.available && c.conflicts.length === 0 && !c.workload.overCap);
  const uncovered = new Set(caseFields);
  const picked: Array<{ c: ScoredCandidate; why: string[] }> = [];
  const seen = { types: new Set<string>(), female: false, young: false, overseas: false };
  const covers = (c: ScoredCandidate) =>
    c.reasons.filter((r) => ['field', 'sub_field', 'parent_field'].includes(r.code)).map((r) => r.detail);
  const coversCase = (c: ScoredCandidate) => caseFields.filter((f) => covers(c).some((d) => d.startsWith(f) || f.startsWith(d)));
  const gain = (c: ScoredCandidate) => {
    const why: string[] = [];
    const newFields = coversCase(c).filter((f) => uncovered.has(f));
    let g = 40 * newFields.length + c.score;
    if (newFields.length) why.push(`field:${newFields.join(',')}`);
    const type = organisationType(c);
    const bonus = (when: boolean, points: number, reason: string) => {
      if (!when) return;
      g += points;
      why.push(reason);
    };
    bonus(!seen.types.has(type), 10, `organisation_type:${type}`);
    bonus(c.view.gender === 'female' && !seen.female, 8, 'gender:female');
    bonus(young(c, year) && !seen.young, 6, 'young_scientist');
    bonus(c.view.location?.kind === 'overseas' && !seen.overseas, 5, 'overseas');
    return { g, why: [...why, `score:${c.score}`] };
  };
  while (picked.length < size) {
    let best: { c: ScoredCandidate; g: number; why: string[] } | undefined;
    for (const c of pool) {
      if (picked.some((p) => p.c === c)) continue;
      const { g, why } = gain(c);
      if (!best || g > best.g) best = { c, g, why };
    }
    if (!best) break;
    picked.push({ c: best.c, why: best.why });
    for (const f of coversCase(best.c)) uncovered.delete(f);
    seen.types.add(organisationType(best.c));
    seen.female ||= best.c.view.gender === 'female';
    seen.young ||= young(best.c, year);
    seen.overseas ||= best.c.view.location?.kind === 'overseas';
  }
  return { members: assignRoles(picked), uncoveredFields: [...uncovered], notes: notesFor(picked.length, size, seen) };
}

/** The most senior member chairs; with three or more, the last pick is secretary. */
function assignRoles(picked: Array<{ c: ScoredCandidate; why: string[] }>) {
  const seniority = (c: ScoredCandidate) => RANK[c.view.academicTitle ?? ''] ?? 0;
  const chair = picked.reduce<(typeof picked)[number] | undefined>((a, p) => (!a || seniority(p.c) > seniority(a.c) ? p : a), undefined);
  return picked.map((p, i) => {
    const role: PanelRole = p === chair ? 'chair' : picked.length >= 3 && i === picked.length - 1 ? 'secretary' : 'reviewer';
    return { profileId: p.c.profileId, fullName: p.c.fullName, role, why: p.why };
  });
}

function notesFor(got: number, size: number, seen: { female: boolean; young: boolean }) {
  const notes: string[] = [];
  if (got < size) notes.push(`short:${got}/${size}`);
  if (!seen.female) notes.push('no_female_member');
  if (!seen.young) notes.push('no_young_scientist');
  return notes;
}
