import { type PdfBlock, type PdfSpec, vietnameseDateLine } from '../shared/pdf.js';
import type { ConsultationView } from './consultations.schemas.js';

export type ReportLanguage = 'vi' | 'en';

const KIND = {
  vi: { tu_van: 'tư vấn', phan_bien: 'phản biện', giam_dinh: 'giám định xã hội' },
  en: { tu_van: 'advice', phan_bien: 'critical review', giam_dinh: 'social assessment' },
} as const;
const KIND_CODE = { tu_van: 'TV', phan_bien: 'PB', giam_dinh: 'GĐ' } as const;
const ROLE = {
  vi: { chair: 'Chủ tịch hội đồng', reviewer: 'Ủy viên phản biện', member: 'Ủy viên', secretary: 'Thư ký' },
  en: { chair: 'Chair', reviewer: 'Reviewer', member: 'Member', secretary: 'Secretary' },
} as const;
const L = {
  vi: {
    title: (k: string) => `Ý kiến ${k}`,
    about: 'Về',
    facts: 'I. Thông tin chung',
    scheme: 'Đề án, chính sách',
    owner: 'Cơ quan chủ trì soạn thảo',
    requester: 'Cơ quan đề nghị',
    organiser: 'Đơn vị tổ chức',
    due: 'Thời hạn',
    legal: 'Căn cứ',
    summary: 'II. Tóm tắt ý kiến',
    body: 'III. Nội dung ý kiến',
    points: 'Các ý kiến thành viên được tổng hợp',
    dissent: 'IV. Ý kiến khác (bảo lưu)',
    noDissent: 'Không có ý kiến bảo lưu.',
    panel: 'V. Hội đồng',
    panelHidden: 'Danh tính thành viên hội đồng không được công bố trước khi công khai kết quả.',
    on: 'Thay mặt',
    notApproved: 'Bản dự thảo, chưa được phê duyệt',
    signed: '(đã ký)',
    footer: 'Mạng lưới Trí thức Hải Phòng',
  },
  en: {
    title: (k: string) => `Consolidated ${k} opinion`,
    about: 'On',
    facts: 'I. General information',
    scheme: 'Scheme or policy',
    owner: 'Drafting agency',
    requester: 'Requesting agency',
    organiser: 'Organiser',
    due: 'Deadline',
    legal: 'Legal basis',
    summary: 'II. Summary',
    body: 'III. The opinion',
    points: "Members' points taken in",
    dissent: 'IV. Dissenting opinions',
    noDissent: 'No dissenting opinion.',
    panel: 'V. The panel',
    panelHidden: "The panel members' names are not disclosed before the result is published.",
    on: 'On behalf of',
    notApproved: 'Draft, not yet approved',
    signed: '(signed)',
    footer: 'Hai Phong Expert Network',
  },
} as const;

/**
 * The consolidated opinion as a document in the administrative layout (Decree 30/2020/NĐ-CP). It is
 * built only from the case as the viewer may see it (`ConsultationView`): a blind case's panel
 * reaches the requester as "#1, #2…" here exactly as on the web page.
 * `reviewerOf` gives the (already projected) member behind a review, for dissenting opinions.
 */
export function consultationReportSpec(
  c: ConsultationView & { report: NonNullable<ConsultationView['report']> },
  reviewerOf: (reviewId: string) => ConsultationView['members'][number] | undefined,
  lang: ReportLanguage,
): PdfSpec {
  const l = L[lang];
  const kind = KIND[lang][c.kind];
  const sent = c.timeline.find((e) => e.to === 'sent')?.at;
  const date = new Date(sent ?? c.updatedAt);
  const year = date.getUTCFullYear();
  const number = `${c.id.slice(0, 8).toUpperCase()}/${year}/YK-${KIND_CODE[c.kind]}`;
  const who = (reviewId: string) => {
    const m = reviewerOf(reviewId);
    return m ? `${m.name} (${ROLE[lang][m.role]})` : '';
  };
  const points = c.report.points.filter((p) => !p.dissent);
  const dissents = c.report.points.filter((p) => p.dissent);
  const accepted = c.members.filter((m) => m.status === 'accepted');
  const namesKnown = accepted.every((m) => m.profileId !== null);
  const chair = accepted.find((m) => m.role === 'chair' && m.profileId !== null);

  const blocks: PdfBlock[] = [
    { kind: 'heading', text: l.facts },
    {
      kind: 'fields',
      rows: [
        [l.scheme, c.scheme.title],
        [l.owner, c.scheme.ownerAgency],
        [l.requester, c.requester.name],
        [l.organiser, c.organiser.name],
        [l.due, c.dueAt.slice(0, 10)],
        [l.legal, c.policy.legalReference],
      ],
    },
    { kind: 'heading', text: l.summary },
    { kind: 'paragraph', text: c.report.summary },
    { kind: 'heading', text: l.body },
    ...c.report.body.split(/\n{2,}/).map((text): PdfBlock => ({ kind: 'paragraph', text })),
  ];
  if (points.length) {
    blocks.push({ kind: 'paragraph', text: l.points, italic: true });
    blocks.push({ kind: 'list', items: points.map((p) => [p.text, who(p.reviewId)].filter(Boolean).join(' — ')) });
  }
  blocks.push({ kind: 'heading', text: l.dissent });
  if (dissents.length) blocks.push({ kind: 'list', items: dissents.map((p) => [p.text, who(p.reviewId)].filter(Boolean).join(' — ')) });
  else blocks.push({ kind: 'paragraph', text: l.noDissent, italic: true });
  blocks.push({ kind: 'heading', text: l.panel });
  if (!namesKnown) blocks.push({ kind: 'paragraph', text: l.panelHidden, italic: true });
  blocks.push({ kind: 'list', items: accepted.map((m) => `${m.name} — ${ROLE[lang][m.role]}`) });
  blocks.push({
    kind: 'signature',
    role: `${l.on.toUpperCase()} ${c.organiser.name.toUpperCase()}`,
    note: c.report.approved ? l.signed : l.notApproved,
    name: chair ? chair.name : '',
  });

  return {
    title: l.title(kind),
    subtitle: `${l.about}: ${c.scheme.title}`,
    subject: c.title,
    administrativeHeader: {
      issuer: [c.organiser.name.toUpperCase()],
      number: `Số: ${number}`,
      placeAndDate: lang === 'vi' ? vietnameseDateLine(date) : `Hai Phong, ${date.toISOString().slice(0, 10)}`,
    },
    blocks,
    footer: `${l.footer} · /consultations/${c.id}`,
  };
}
