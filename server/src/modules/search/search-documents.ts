import { createHash } from 'node:crypto';
import type { ExpertProfileRow } from '@hpen/db';
import type { SearchAudience } from '@hpen/search';
import { positionLine, projectProfile } from '../profiles/profile-projection.js';
import type { ExpertView } from '../profiles/profiles.schemas.js';
import { type AdminUnits, HAIPHONG_PROVINCE_CODE, locationLabel } from '../reference/admin-units.js';
import { cefrLevels, degrees, prioritySectors } from '../reference/reference.data.js';
import type { Taxonomy } from '../reference/reference.schemas.js';
import { foldVietnamese } from '../shared/text.js';

/** What one expert looks like in an index. Built only from the audience's projection. */
export interface ExpertSearchDocument {
  id: string;
  fullName: string;
  /** The name in the other orders people type it: given name first ("Hải Nguyễn Văn", "Hải Văn Nguyễn"). */
  nameOrders: string[];
  nameSort: string;
  academicTitle: string | null;
  highestDegree: string | null;
  degreeLabels: string[];
  fields: string[];
  primaryField: string | null;
  fieldLabels: string[];
  keywords: string[];
  sectors: string[];
  sectorLabels: string[];
  bio: string[];
  positions: string[];
  education: string[];
  publications: string[];
  projects: string[];
  locationKind: string | null;
  /** 5-digit commune code (Hải Phòng's phường/xã/đặc khu, or a commune elsewhere when given). */
  commune: string | null;
  /** 2-digit province code ("31" for Hải Phòng). */
  province: string | null;
  country: string | null;
  locationLabel: string;
  languageCodes: string[];
  /** "en:B2" for every level up to the stated one, so "at least B2" is one equality filter. */
  languages: string[];
  availability: string[];
  modes: string[];
  verified: boolean;
  associations: string[];
  updatedAt: number;
  /** Content hash, for the drift check. */
  hash: string;
}

export interface DocumentContext {
  taxonomy: Taxonomy;
  adminUnits: AdminUnits;
}

/** Keeps documents small: the index needs enough text to find someone, not their whole CV. */
const MAX_LIST_TEXT = 30;

const degreeLabel = new Map(degrees.map((d) => [d.code as string, [d.vi, d.en]]));
const sectorLabel = new Map(prioritySectors.map((s) => [s.code as string, [s.vi, s.en]]));
const TITLE_LABELS: Record<string, string[]> = { GS: ['Giáo sư', 'Professor'], PGS: ['Phó Giáo sư', 'Associate Professor'] };
const regionNames = new Intl.DisplayNames(['vi'], { type: 'region' });
const regionNamesEn = new Intl.DisplayNames(['en'], { type: 'region' });

function locationOf(view: ExpertView, units: AdminUnits) {
  const loc = view.location;
  if (!loc) return { locationKind: null, commune: null, province: null, country: null, locationLabel: '' };
  if (loc.kind === 'haiphong')
    return {
      locationKind: 'haiphong',
      commune: loc.commune,
      province: HAIPHONG_PROVINCE_CODE,
      country: 'VN',
      locationLabel: locationLabel(units, loc),
    };
  if (loc.kind === 'vietnam')
    return {
      locationKind: 'vietnam',
      commune: loc.commune,
      province: loc.province,
      country: 'VN',
      locationLabel: `${locationLabel(units, loc)}, Việt Nam`,
    };
  return {
    locationKind: 'overseas',
    commune: null,
    province: null,
    country: loc.country,
    locationLabel: `${regionNames.of(loc.country) ?? ''} ${regionNamesEn.of(loc.country) ?? ''}`.trim(),
  };
}

/** Fields by code, built once per taxonomy (not once per document: a reindex builds 200 000). */
const fieldsByCode = new WeakMap<Taxonomy, Map<string, Taxonomy['fields'][number]>>();

function fieldData(view: ExpertView, taxonomy: Taxonomy) {
  let byCode = fieldsByCode.get(taxonomy);
  if (!byCode) fieldsByCode.set(taxonomy, (byCode = new Map(taxonomy.fields.map((f) => [f.code, f]))));
  const codes = new Set<string>();
  const labels: string[] = [];
  for (const { code } of view.fields ?? []) {
    // A sub-field also files the expert under its parents: filtering by "5" finds "502".
    for (let f = byCode.get(code); f; f = f.parentCode ? byCode.get(f.parentCode) : undefined) {
      if (!codes.has(f.code)) labels.push(f.nameVi, f.nameEn);
      codes.add(f.code);
    }
  }
  return {
    fields: [...codes],
    primaryField: view.fields?.find((f) => f.primary)?.code ?? view.fields?.[0]?.code ?? null,
    fieldLabels: labels,
  };
}

function languageData(view: ExpertView) {
  const levels = cefrLevels as readonly string[];
  const languages: string[] = [];
  for (const { code, level } of view.languages ?? []) {
    for (const l of levels.slice(0, levels.indexOf(level) + 1)) languages.push(`${code}:${l}`);
  }
  return { languageCodes: (view.languages ?? []).map((l) => l.code), languages };
}

/** Folded given name first, as Vietnamese lists sort: "Hải Nguyễn Văn". */
export function nameSortKey(fullName: string): string {
  const words = foldVietnamese(fullName).split(/\s+/).filter(Boolean);
  return [...words.slice(-1), ...words.slice(0, -1)].join(' ');
}

/**
 * "Nguyễn Văn Hải" as people also type it, given name first: "Hải Nguyễn Văn" (the sort key's
 * order) and "Hải Văn Nguyễn" (the Western order). Searchable right after the name, so a name
 * typed in another order is still one phrase to the proximity rule.
 */
export function nameOrders(fullName: string): string[] {
  const words = fullName.split(/\s+/).filter(Boolean);
  if (words.length < 2) return [];
  const given = words.at(-1)!;
  const rest = words.slice(0, -1);
  return [...new Set([[given, ...rest].join(' '), [given, ...rest.slice(1), rest[0]!].join(' ')])];
}

/**
 * The shape of the documents built here. Raise it whenever a document gains, loses or changes
 * what it holds: at the next start, indexes built by an older version are rebuilt in the
 * background (search-side.ts). 2: nameOrders.
 */
export const SEARCH_DOCUMENTS_VERSION = 3;

/** The document for a view (an audience's projection). Every field comes from the view. */
export function documentFromView(
  view: ExpertView,
  ctx: DocumentContext,
  extra: { verified?: boolean; associations?: string[] } = {},
): ExpertSearchDocument {
  const doc: Omit<ExpertSearchDocument, 'hash'> = {
    id: view.id,
    fullName: view.fullName,
    nameOrders: nameOrders(view.fullName),
    nameSort: nameSortKey(view.fullName),
    academicTitle: view.academicTitle,
    highestDegree: view.highestDegree,
    degreeLabels: [
      ...(view.highestDegree ? (degreeLabel.get(view.highestDegree) ?? []) : []),
      ...(view.academicTitle ? (TITLE_LABELS[view.academicTitle] ?? []) : []),
    ],
    ...fieldData(view, ctx.taxonomy),
    keywords: view.keywords ?? [],
    sectors: view.sectors ?? [],
    sectorLabels: (view.sectors ?? []).flatMap((s) => sectorLabel.get(s) ?? []),
    bio: view.bio ? [view.bio.vi, view.bio.en].filter(Boolean) : [],
    positions: (view.positions ?? []).slice(0, MAX_LIST_TEXT).map(positionLine),
    education: (view.education ?? []).slice(0, MAX_LIST_TEXT).map((e) => `${e.field}, ${e.institution}`),
    publications: (view.publications ?? []).slice(0, MAX_LIST_TEXT).map((p) => p.title),
    projects: (view.projects ?? []).slice(0, MAX_LIST_TEXT).map((p) => p.title),
    ...locationOf(view, ctx.adminUnits),
    ...languageData(view),
    availability: view.availability?.kinds ?? [],
    modes: view.availability?.modes ?? [],
    verified: extra.verified ?? view.verified.length > 0,
    associations: extra.associations ?? [],
    updatedAt: Date.parse(view.updatedAt),
  };
  return { ...doc, hash: createHash('sha1').update(JSON.stringify(doc)).digest('base64url') };
}

/**
 * The document a profile row gives an audience, or null when that audience may not see the
 * profile at all (it must then be absent from that index). The projection is the only input:
 * what an audience may not see cannot reach its index.
 */
export function buildSearchDocument(
  row: ExpertProfileRow,
  audience: SearchAudience,
  ctx: DocumentContext,
  associations: string[] = [],
): ExpertSearchDocument | null {
  // Unpublished profiles (owner unverified or disabled) project to null: in no index.
  const view = projectProfile(row, audience);
  return view ? documentFromView(view, ctx, { associations }) : null;
}
