import type { ConsultationMemberRow, ConsultationRow } from '@hpen/db';
import { describe, expect, it } from 'vitest';
import type { ExpertView } from '../profiles/profiles.schemas.js';
import { type ConflictContext, screenConflicts } from './conflict-rules.js';

const scheme = {
  title: 'Đề án phát triển cảng Lạch Huyện',
  ownerAgency: 'Sở Xây dựng',
  ownerOrganisationId: null,
  type: 'de_an',
  summary: '',
  draftingTeam: ['Trần Văn Bình'],
};
const requesterOrganisationId = '00000000-0000-4000-8000-000000000001';
const expert = (over: Partial<ExpertView> = {}): ExpertView => ({
  id: '00000000-0000-4000-8000-00000000000e',
  audience: 'agencies',
  fullName: 'Nguyễn Văn Hải',
  academicTitle: null,
  highestDegree: 'TS',
  orcid: null,
  verified: [],
  updatedAt: '2026-01-01T00:00:00Z',
  positions: [{ title: 'Giảng viên', organisation: 'Trường Đại học Hàng hải Việt Nam', from: 2010, to: null, current: true }],
  publications: [
    { title: 'Cảng biển và logistics', authors: 'Nguyễn Văn Hải; Lê Thị Hoa', venue: '', year: 2020, type: 'journal_article', doi: null },
  ],
  ...over,
});
const ctx = (over: Partial<ConflictContext> = {}): ConflictContext => ({
  consultation: { id: 'case', scheme, requesterOrganisationId },
  organisationNames: ['Sở Xây dựng', 'Department of Construction'],
  history: [],
  ...over,
});
const other = (over: Partial<ConsultationRow>) =>
  ({
    id: 'other',
    title: 'Phản biện lần 1',
    scheme,
    requesterOrganisationId,
    createdAt: new Date('2025-05-01'),
    ...over,
  }) as ConsultationRow;
const seat = (over: Partial<ConsultationMemberRow>) => ({ status: 'accepted', declaration: null, ...over }) as ConsultationMemberRow;

describe('conflict-of-interest rules', () => {
  it('passes an expert with no link to the case', () => {
    expect(screenConflicts(expert(), ctx())).toEqual([]);
  });

  it('flags a current position at the requesting agency or the scheme owner, not a past one', () => {
    const current = expert({
      positions: [{ title: 'Chuyên viên', organisation: 'Sở Xây dựng Hải Phòng', from: 2019, to: null, current: true }],
    });
    expect(screenConflicts(current, ctx())).toEqual([
      { code: 'same_organisation', evidence: 'Chuyên viên, Sở Xây dựng Hải Phòng (2019–nay)' },
    ]);
    const past = expert({ positions: [{ title: 'Chuyên viên', organisation: 'Sở Xây dựng', from: 2000, to: 2010, current: false }] });
    expect(screenConflicts(past, ctx())).toEqual([]);
  });

  it('flags co-authorship with the drafting team, with the publication as evidence', () => {
    const coauthor = expert({
      publications: [
        {
          title: 'Quy hoạch cảng',
          authors: 'Tran Van Binh, Nguyen Van Hai',
          venue: '',
          year: 2021,
          type: 'journal_article',
          doi: '10.1000/xyz',
        },
      ],
    });
    expect(screenConflicts(coauthor, ctx())).toEqual([
      { code: 'co_authorship', evidence: '"Quy hoạch cảng" (2021), doi:10.1000/xyz: Tran Van Binh, Nguyen Van Hai' },
    ]);
  });

  it('flags an earlier seat on a case about the same scheme, not a declined one', () => {
    const history = [{ member: seat({}), consultation: other({}) }];
    expect(screenConflicts(expert(), ctx({ history }))).toEqual([
      { code: 'earlier_involvement', evidence: 'Phản biện lần 1 (2025-05-01)' },
    ]);
    const declined = [{ member: seat({ status: 'declined' }), consultation: other({}) }];
    expect(screenConflicts(expert(), ctx({ history: declined }))).toEqual([]);
  });

  it('flags a conflict the expert declared before towards the same requester', () => {
    const declaration = {
      conflict: true,
      description: 'Vợ làm ở Sở',
      familyOrFinancial: true,
      confidentiality: true,
      shareContact: false,
      publishName: false,
      signedAt: '2025-06-01T00:00:00Z',
    };
    const history = [{ member: seat({ status: 'declined', declaration }), consultation: other({ scheme: { ...scheme, title: 'Khác' } }) }];
    expect(screenConflicts(expert(), ctx({ history }))).toEqual([
      { code: 'declared_before', evidence: 'Phản biện lần 1: Vợ làm ở Sở (2025-06-01)' },
    ]);
  });
});
