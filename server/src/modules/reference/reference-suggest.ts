import { matchAllWords, queryTerms } from '../search/search-snippets.js';
import type { ReferenceRepository } from './reference.repository.js';
import type { ReferenceService } from './reference.service.js';
import type { ReferenceSuggestions, TaxonomyField } from './reference.schemas.js';

/** Keyword use is counted again at most this often: one aggregate over every profile. */
const USAGE_TTL_MS = 5 * 60_000;
const MAX_KEYWORDS = 10;
const MAX_FIELDS = 8;

interface KeywordUsage {
  text: string;
  count: number;
  /** Primary field codes of the profiles using it, with how many. */
  fields: Map<string, number>;
}

/**
 * One place to suggest what an expert (or an agency) may mean: taxonomy fields whose label
 * (vi or en) matches every word typed, folded and typo tolerant, with the index's synonyms;
 * keywords other experts use publicly, with how many use them; and the fields most often chosen
 * with those keywords ("ung thu" → the keyword "ung thư" → Y học lâm sàng).
 */
export function createSuggestService(deps: {
  referenceService: ReferenceService;
  referenceRepository: ReferenceRepository;
  clock: () => Date;
}) {
  let usage: { at: number; list: Promise<KeywordUsage[]> } | undefined;

  function keywordUsage(): Promise<KeywordUsage[]> {
    const now = deps.clock().getTime();
    if (!usage || now - usage.at > USAGE_TTL_MS) {
      const list = deps.referenceRepository.publicKeywordUsage().then(groupUsage);
      usage = { at: now, list };
      list.catch(() => (usage = undefined));
    }
    return usage.list;
  }

  return {
    async suggest(q: string, lang: 'vi' | 'en'): Promise<ReferenceSuggestions> {
      const terms = queryTerms(q);
      const taxonomy = await deps.referenceService.taxonomy();
      const byCode = new Map(taxonomy.fields.map((f) => [f.code, f]));
      const keywords = (await keywordUsage())
        .map((k) => ({ k, score: matchAllWords(k.text, terms) }))
        .filter((m): m is { k: KeywordUsage; score: number } => m.score !== null)
        .sort((a, b) => b.score - a.score || b.k.count - a.k.count)
        .slice(0, MAX_KEYWORDS)
        .map((m) => m.k);
      const byLabel = taxonomy.fields
        .filter((f) => f.level > 1)
        .map((f) => ({ f, score: Math.max(matchAllWords(f.nameVi, terms) ?? -1, matchAllWords(f.nameEn, terms) ?? -1) }))
        .filter((m) => m.score >= 0)
        .sort((a, b) => b.score - a.score)
        .map((m) => m.f);
      const byKeyword = coChosenFields(keywords)
        .map((code) => byCode.get(code))
        .filter((f): f is TaxonomyField => f !== undefined);
      const fields = [...new Map([...byLabel, ...byKeyword].map((f) => [f.code, f])).values()].slice(0, MAX_FIELDS);
      const label = (f: TaxonomyField) => (lang === 'en' ? f.nameEn : f.nameVi);
      const path = (f: TaxonomyField): string[] => {
        const parent = f.parentCode ? byCode.get(f.parentCode) : undefined;
        return [...(parent ? path(parent) : []), label(f)];
      };
      return {
        fields: fields.map((f) => ({ code: f.code, label: label(f), path: path(f).join(' › ') })),
        keywords: keywords.map((k) => ({ text: k.text, count: k.count })),
      };
    },
  };
}
export type SuggestService = ReturnType<typeof createSuggestService>;

/** Rows (keyword, primary field, count) grouped by keyword; keywords differing only in case are one. */
function groupUsage(rows: ReadonlyArray<{ keyword: string; fieldCode: string | null; count: number }>): KeywordUsage[] {
  const byText = new Map<string, KeywordUsage>();
  for (const row of rows) {
    const key = row.keyword.normalize('NFC').toLowerCase();
    const entry = byText.get(key) ?? { text: row.keyword, count: 0, fields: new Map<string, number>() };
    entry.count += row.count;
    if (row.fieldCode) entry.fields.set(row.fieldCode, (entry.fields.get(row.fieldCode) ?? 0) + row.count);
    byText.set(key, entry);
  }
  return [...byText.values()];
}

/** Fields chosen as primary by at least a fifth of the experts using the matched keywords, most chosen first. */
function coChosenFields(keywords: readonly KeywordUsage[]): string[] {
  const totals = new Map<string, number>();
  let all = 0;
  for (const k of keywords) {
    all += k.count;
    for (const [code, n] of k.fields) totals.set(code, (totals.get(code) ?? 0) + n);
  }
  return [...totals]
    .filter(([, n]) => n * 5 >= all)
    .sort((a, b) => b[1] - a[1])
    .map(([code]) => code);
}
