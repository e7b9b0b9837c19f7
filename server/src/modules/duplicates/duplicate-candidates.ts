/** Finding pairs of profiles that may be one person: pure, no database. */

export interface ScanRow {
  id: string;
  fullNameFolded: string;
  birthYear: number | null;
  contactEmail: string | null;
  contactPhone: string | null;
  orcid: string | null;
}

export interface Candidate {
  a: string;
  b: string;
  score: number;
  reasons: string[];
}

const MIN_SCORE = 50;
/** Larger groups on a shared value (a switchboard number, a common name) are not evidence on their own. */
const MAX_GROUP = 50;

/**
 * Pairs of profiles that may be one person. Blocking by e-mail, phone (last 9 digits), ORCID
 * iD and the name without diacritics in any word order (+ birth year); each pair is scored
 * with its reasons. Pure and linear in the number of profiles (apart from the pairs found).
 */
export function findDuplicateCandidates(rows: ScanRow[]): Candidate[] {
  const nameKey = (n: string) => n.split(' ').filter(Boolean).sort().join(' ');
  const phoneKey = (p: string | null) => {
    const digits = (p ?? '').replace(/\D/g, '');
    return digits.length >= 8 ? digits.slice(-9) : null;
  };
  const groups = new Map<string, string[]>();
  const add = (key: string | null, id: string) => {
    if (!key) return;
    const g = groups.get(key);
    if (g) g.push(id);
    else groups.set(key, [id]);
  };
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const r of rows) {
    add(r.contactEmail ? `e:${r.contactEmail.toLowerCase()}` : null, r.id);
    add(phoneKey(r.contactPhone) ? `p:${phoneKey(r.contactPhone)}` : null, r.id);
    add(r.orcid ? `o:${r.orcid}` : null, r.id);
    // Same name and the same (or an unknown) birth year: unknown years join every year of that name.
    add(`n:${nameKey(r.fullNameFolded)}:${r.birthYear ?? '?'}`, r.id);
  }
  // Profiles of a name with no birth year also meet the ones with a year.
  for (const [key, ids] of groups) {
    if (!key.startsWith('n:') || !key.endsWith(':?')) continue;
    const prefix = key.slice(0, -1);
    for (const [other, otherIds] of groups) if (other !== key && other.startsWith(prefix)) otherIds.push(...ids);
  }
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const ids of groups.values()) {
    if (ids.length < 2 || ids.length > MAX_GROUP) continue;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const [a, b] = ids[i]! < ids[j]! ? [ids[i]!, ids[j]!] : [ids[j]!, ids[i]!];
        const pair = `${a}|${b}`;
        if (a === b || seen.has(pair)) continue;
        seen.add(pair);
        const x = byId.get(a)!;
        const y = byId.get(b)!;
        const reasons: string[] = [];
        let score = 0;
        if (x.contactEmail && x.contactEmail.toLowerCase() === y.contactEmail?.toLowerCase()) {
          score += 60;
          reasons.push('same_email');
        }
        if (phoneKey(x.contactPhone) && phoneKey(x.contactPhone) === phoneKey(y.contactPhone)) {
          score += 40;
          reasons.push('same_phone');
        }
        if (x.orcid && x.orcid === y.orcid) {
          score += 80;
          reasons.push('same_orcid');
        }
        if (nameKey(x.fullNameFolded) === nameKey(y.fullNameFolded)) {
          score += 30;
          reasons.push(x.fullNameFolded === y.fullNameFolded ? 'same_name' : 'same_name_other_order');
        }
        if (x.birthYear && y.birthYear) {
          if (x.birthYear === y.birthYear) {
            score += 20;
            reasons.push('same_birth_year');
          } else {
            score -= 40;
            reasons.push('different_birth_year');
          }
        }
        if (score >= MIN_SCORE) out.push({ a, b, score: Math.min(score, 100), reasons });
      }
    }
  }
  return out.sort((p, q) => q.score - p.score);
}
