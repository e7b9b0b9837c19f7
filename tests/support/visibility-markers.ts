import fc from 'fast-check';
import { SECTION_FIELDS } from '../../server/src/modules/profiles/profile-sections.js';
import { createProfileGenerator } from '../../server/src/modules/seed/synthetic-profiles.js';
import {
  profileSections,
  type ProfileContent,
  type ProfileSection,
  type Visibility,
  type VisibilityLevel,
} from '../../server/src/modules/profiles/profiles.schemas.js';

/**
 * Property-test support: a profile whose every section carries a unique marker, so a test can
 * tell from any response (or search hit, or highlight) whether a section leaked into it.
 */

export const visibilityArb: fc.Arbitrary<Visibility> = fc.record(
  Object.fromEntries(profileSections.map((s) => [s, fc.constantFrom<VisibilityLevel>('public', 'agencies', 'private')])) as Record<
    ProfileSection,
    fc.Arbitrary<VisibilityLevel>
  >,
);

export interface MarkedProfile {
  /** What an expert can send (the server keeps `completedReviews` itself). */
  content: Omit<ProfileContent, 'completedReviews'>;
  /** A completed-reviews record carrying its marker (written by the server, so only direct projection tests use it). */
  completedReviews: ProfileContent['completedReviews'];
  /** Strings that appear only in that section. */
  markers: Partial<Record<ProfileSection, string[]>>;
}

/** A realistic generated profile with a marker planted in each section that holds text. */
export function markedProfile(seed: number, fieldCodes: readonly string[]): MarkedProfile {
  const { completedReviews: _kept, ...base } = createProfileGenerator({ seed, fieldCodes })().content;
  const m = (section: string) => `zq${section}${seed.toString(36)}x`;
  const phoneDigits = String(100_000_000 + (Math.abs(seed) % 899_999_999));
  const content: MarkedProfile['content'] = {
    ...base,
    contact: { email: `${m('contact')}@example.vn`, phone: `+84 ${phoneDigits}` },
    bio: { vi: `Tiểu sử ${m('bio')}`, en: `Bio ${m('bio')}` },
    keywords: [m('expertise')],
    education: [{ ...base.education[0]!, field: `Ngành ${m('education')}` }],
    positions: [{ ...base.positions[0]!, title: `Chức danh ${m('positions')}` }],
    publications: [{ title: `Bài báo ${m('publications')}`, authors: '', venue: '', year: 2020, type: 'journal_article', doi: null }],
    patents: [{ title: `Sáng chế ${m('patents')}`, number: '', country: null, year: 2020 }],
    projects: [{ title: `Đề tài ${m('projects')}`, role: '', funder: '', level: 'city', from: 2019, to: 2021 }],
    awards: [{ title: `Giải thưởng ${m('awards')}`, issuer: '', year: 2021 }],
    availability: { kinds: ['consultation'], modes: ['remote'], note: `Ghi chú ${m('availability')}` },
  };
  const completedReviews: ProfileContent['completedReviews'] = [
    {
      consultationId: '00000000-0000-4000-8000-0000000000c1',
      kind: 'phan_bien',
      title: `Phản biện ${m('completedReviews')}`,
      requester: 'Sở Xây dựng',
      role: 'reviewer',
      date: '2026-06-01T00:00:00.000Z',
    },
  ];
  return {
    content,
    completedReviews,
    markers: {
      completedReviews: [m('completedReviews')],
      contact: [m('contact'), phoneDigits],
      bio: [m('bio')],
      expertise: [m('expertise')],
      education: [m('education')],
      positions: [m('positions')],
      publications: [m('publications')],
      patents: [m('patents')],
      projects: [m('projects')],
      awards: [m('awards')],
      availability: [m('availability')],
    },
  };
}

const RANK: Record<VisibilityLevel, number> = { public: 0, agencies: 1, private: 2 };
const AUDIENCE_RANK = { public: 0, agencies: 1 } as const;

/**
 * Every way `body` (any JSON) shows a section the audience may not see: a section key present
 * in `view`, or a section's marker anywhere in the serialised body. Empty means no leak.
 */
export function leaks(
  body: unknown,
  view: Record<string, unknown> | null,
  marked: MarkedProfile,
  visibility: Visibility,
  audience: 'public' | 'agencies',
): string[] {
  const text = JSON.stringify(body);
  const found: string[] = [];
  for (const section of profileSections) {
    if (RANK[visibility[section]] <= AUDIENCE_RANK[audience]) continue;
    for (const marker of marked.markers[section] ?? []) if (text.includes(marker)) found.push(`${section}: marker ${marker}`);
    if (view && section !== 'identity') for (const key of SECTION_FIELDS[section]) if (key in view) found.push(`${section}: key ${key}`);
  }
  return found;
}
