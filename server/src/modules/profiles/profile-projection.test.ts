import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExpertProfileRow } from '@hpen/db';
import { leaks, markedProfile, visibilityArb } from '../../../../tests/support/visibility-markers.js';
import { contentToColumns } from './profile-document.js';
import { projectProfile } from './profile-projection.js';
import { SECTION_FIELDS } from './profile-sections.js';
import { profileContentSchema } from './profiles.schemas.js';

const fieldCodes = ['101', '102', '201', '502'];

function rowOf(marked: ReturnType<typeof markedProfile>, visibility: Record<string, string>): ExpertProfileRow {
  const now = new Date('2026-01-01T00:00:00Z');
  return {
    id: '00000000-0000-4000-8000-000000000001',
    userId: null,
    ...contentToColumns({ ...marked.content, completedReviews: marked.completedReviews }),
    visibility,
    version: 1,
    verifications: {},
    createdBy: null,
    claimedAt: null,
    listed: true,
    publicationConsent: true,
    agencySharingConsent: true,
    confirmRequestedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

describe('projectProfile (property)', () => {
  it('follows the consents: no publication consent hides it from visitors; no sharing consent gives agencies the public view', () => {
    fc.assert(
      fc.property(fc.integer(), visibilityArb, fc.boolean(), fc.boolean(), (seed, visibility, published, shared) => {
        const marked = markedProfile(seed, fieldCodes);
        const row = { ...rowOf(marked, visibility), publicationConsent: published, agencySharingConsent: shared };
        const full = rowOf(marked, visibility);
        if (!published) expect(projectProfile(row, 'public')).toBeNull();
        else expect(projectProfile(row, 'public')).toEqual(projectProfile(full, 'public'));
        const agencyView = projectProfile(row, 'agencies');
        if (shared) expect(agencyView).toEqual(projectProfile(full, 'agencies'));
        else expect(agencyView).toEqual(published ? projectProfile(full, 'public') : null);
        expect(projectProfile(row, 'owner')).toEqual(projectProfile(full, 'owner'));
      }),
    );
  });

  it('never shows a visitor a section set to agencies or only me, nor agencies one set to only me', () => {
    fc.assert(
      fc.property(fc.integer(), visibilityArb, (seed, visibility) => {
        const marked = markedProfile(seed, fieldCodes);
        const row = rowOf(marked, visibility);
        for (const audience of ['public', 'agencies'] as const) {
          const view = projectProfile(row, audience);
          if (visibility.identity === 'private' || (visibility.identity === 'agencies' && audience === 'public')) expect(view).toBeNull();
          expect(leaks(view, view as Record<string, unknown> | null, marked, visibility, audience)).toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('shows every allowed section in full (the projection hides nothing it may show)', () => {
    fc.assert(
      fc.property(fc.integer(), visibilityArb, (seed, visibility) => {
        const marked = markedProfile(seed, fieldCodes);
        const owner = projectProfile(rowOf(marked, visibility), 'owner');
        const text = JSON.stringify(owner);
        for (const markers of Object.values(marked.markers)) for (const m of markers) expect(text).toContain(m);
      }),
      { numRuns: 100 },
    );
  });
});

describe('SECTION_FIELDS', () => {
  it('puts every field of a profile in exactly one section', () => {
    const listed = Object.values(SECTION_FIELDS).flat();
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(Object.keys(profileContentSchema.shape).sort());
  });
});
