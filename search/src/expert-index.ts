import type { Settings } from 'meilisearch';

/**
 * The expert indexes: one per audience, the same settings for both. Settings are applied
 * before any document, and again at every start (idempotent), so code is the source of truth.
 */
export type SearchAudience = 'public' | 'agencies';
export const searchAudiences: readonly SearchAudience[] = ['public', 'agencies'];

export function expertIndexName(prefix: string, audience: SearchAudience, suffix = ''): string {
  return `${prefix}_experts_${audience}${suffix}`;
}

/** Facets the API exposes, and the document attribute behind each. */
export const facetAttributes = {
  degree: 'highestDegree',
  title: 'academicTitle',
  field: 'fields',
  sector: 'sectors',
  locationKind: 'locationKind',
  commune: 'commune',
  province: 'province',
  country: 'country',
  language: 'languageCodes',
  availability: 'availability',
  mode: 'modes',
  verified: 'verified',
  association: 'associations',
} as const;
export type FacetName = keyof typeof facetAttributes;
export const facetNames = Object.keys(facetAttributes) as FacetName[];

/** Each degree and title said three ways; sector names in both languages; common English/Vietnamese pairs. */
const synonymGroups: string[][] = [
  ['ts', 'tiến sĩ', 'phd', 'doctor'],
  ['tskh', 'tiến sĩ khoa học', 'dsc', 'doctor of science'],
  ['gs', 'giáo sư', 'professor'],
  ['pgs', 'phó giáo sư', 'associate professor'],
  ['ths', 'thạc sĩ', 'master', 'msc'],
  ['cn', 'cử nhân', 'bachelor'],
  ['ks', 'kỹ sư', 'engineer'],
  ['bs', 'bác sĩ', 'physician', 'doctor of medicine'],
  ['cảng biển', 'seaport', 'port'],
  ['hàng không', 'aviation'],
  ['du lịch', 'tourism'],
  ['kinh tế biển', 'marine economy', 'blue economy'],
  ['vận tải biển', 'maritime transport', 'shipping'],
  ['hàng hải', 'maritime'],
  ['tài chính', 'finance'],
  ['xuất nhập khẩu', 'import export'],
  ['công nghệ cao', 'high tech', 'high-tech'],
  ['công nghệ sạch', 'clean technology', 'cleantech'],
  ['nông nghiệp', 'agriculture'],
  ['văn hóa', 'culture'],
  ['y tế', 'health', 'healthcare'],
  ['giáo dục', 'education'],
  ['công nghệ thông tin', 'cntt', 'information technology', 'it'],
  ['trí tuệ nhân tạo', 'ai', 'artificial intelligence'],
  ['môi trường', 'environment'],
  ['đóng tàu', 'shipbuilding'],
];

function synonymsFrom(groups: string[][]): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const group of groups) for (const word of group) map[word] = group.filter((w) => w !== word);
  return map;
}

export const expertIndexSettings: Settings = {
  // Most important first: a match in the name beats one in a publication title.
  searchableAttributes: [
    'fullName',
    // A name typed given name first is still one phrase (measured: name_order top-1 96 % → 100 %).
    'nameOrders',
    'keywords',
    'fieldLabels',
    'sectorLabels',
    'degreeLabels',
    'positions',
    'bio',
    'education',
    'locationLabel',
    'publications',
    'projects',
  ],
  displayedAttributes: ['*'],
  filterableAttributes: [...Object.values(facetAttributes), 'languages'],
  sortableAttributes: ['nameSort', 'updatedAt'],
  // Measured with `npm run bench -- relevance` (judged queries over generated profiles whose
  // topics are known). Vietnamese syllables are words, and folding makes distinct ones equal
  // (ung/ứng, thu/thư, hai/hải): a phrase typed in order must beat the same syllables scattered.
  // Proximity by word position instead of by attribute ("ung thu" no longer matches "chuỗi cung
  // ứng" plus a bio naming "Thu"): nDCG@10 0.835 → 0.907 on queries without diacritics. Exactness
  // before attribute (a word as typed beats a typo or a prefix in a more telling attribute):
  // → 0.955 with the query rules of search.service.ts.
  rankingRules: ['words', 'typo', 'proximity', 'exactness', 'attribute', 'sort'],
  proximityPrecision: 'byWord',
  // The facet panels list values with counts; nobody searches inside a facet's values.
  facetSearch: false,
  // Most syllables have 2–4 letters and one letter turns one into another (thu → thuy, hai → hao):
  // typos only from 5 letters, so counts mean something; the fallback still finds a mistyped short word.
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 200_000 },
  synonyms: synonymsFrom(synonymGroups),
};
