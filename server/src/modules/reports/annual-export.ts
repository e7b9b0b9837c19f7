import ExcelJS from 'exceljs';
import { defuseCsvCell } from '../shared/csv.js';
import { renderPdf, vietnameseDateLine, type PdfBlock } from '../shared/pdf.js';
import { PLAN_09 } from './plan-09.js';
import type { AnnualReport } from './reports.schemas.js';

/** The free-text sections the agency writes, in the order of an administrative report. */
export const TEXT_SECTIONS = [
  { key: 'results', titleVi: 'Kết quả thực hiện', titleEn: 'Results' },
  { key: 'difficulties', titleVi: 'Khó khăn, vướng mắc', titleEn: 'Difficulties' },
  { key: 'proposals', titleVi: 'Đề xuất, kiến nghị', titleEn: 'Proposals' },
] as const;

const NOT_YET = 'Chưa có dữ liệu (chức năng chưa triển khai)';
const STATUS_VI = { draft: 'Dự thảo', submitted: 'Đã gửi', accepted: 'Đã tiếp nhận' } as const;

const scopeName = (r: AnnualReport) => r.organisation?.name ?? 'Toàn thành phố';
const valueText = (f: AnnualReport['sections'][number]['figures'][number]) =>
  !f.available ? NOT_YET : f.value === null ? '—' : String(f.value);

/** The report as tables: one per section (the plan's tasks with figures, then the written parts). */
export function annualTables(
  r: AnnualReport,
): Array<{ name: string; title: string; columns: string[]; rows: Array<Array<string | number>> }> {
  const info = {
    name: 'Thong tin',
    title: `Báo cáo năm ${r.year} — ${scopeName(r)}`,
    columns: ['Mục', 'Giá trị'],
    rows: [
      ['Căn cứ', PLAN_09.reference],
      ['Năm báo cáo', r.year],
      ['Đơn vị', scopeName(r)],
      ['Số văn bản', r.documentNumber],
      ['Trạng thái', r.status ? STATUS_VI[r.status] : r.scope === 'city' ? 'Tổng hợp' : 'Chưa lập'],
      ...r.submissions.map((s) => [`Báo cáo của ${s.organisationName}`, STATUS_VI[s.status]]),
    ] as Array<Array<string | number>>,
  };
  const sections = r.sections.map((s) => ({
    name: s.code,
    title: `${s.code}. ${s.titleVi}`,
    columns: ['Nhiệm vụ / chỉ tiêu', 'Giá trị'],
    rows: [
      ...s.tasks.map((t) => [`${t.code}: ${t.textVi}`, '']),
      ...s.figures.map((f) => [f.labelVi, f.available && f.value !== null ? f.value : valueText(f)]),
    ] as Array<Array<string | number>>,
  }));
  const domains = [
    { domain: 'programs', name: 'Chuong trinh thu hut', title: 'Chính sách thu hút trí thức' },
    { domain: 'awards', name: 'Khen thuong', title: 'Thi đua, khen thưởng, tôn vinh trí thức' },
  ];
  const breakdowns = domains
    .map((d) => ({ ...d, tables: r.breakdowns.filter((b) => b.domain === d.domain) }))
    .filter((d) => d.tables.length)
    .map((d) => ({
      name: d.name,
      title: d.title,
      columns: ['Bảng / mục', 'Số lượng'],
      rows: d.tables.flatMap((b) => [
        [b.titleVi, ''],
        ...(b.rows.length ? b.rows.map((c) => [`  ${c.key}`, c.count ?? '—']) : [['  (không có)', 0]]),
      ]) as Array<Array<string | number>>,
    }));
  const texts = TEXT_SECTIONS.map((t) => ({
    name: t.titleVi.slice(0, 31),
    title: t.titleVi,
    columns: [t.titleVi],
    rows: [[r.texts[t.key]]],
  }));
  return [info, ...sections, ...breakdowns, ...texts];
}

export async function annualToXlsx(r: AnnualReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Mạng lưới chuyên gia Hải Phòng';
  wb.created = new Date(0);
  for (const t of annualTables(r)) {
    const sheet = wb.addWorksheet(t.name.replace(/[\\/?*[\]:]/g, '-'));
    sheet.addRow([t.title]).font = { bold: true };
    sheet.addRow(t.columns).font = { bold: true };
    for (const row of t.rows) sheet.addRow(row.map((c) => (typeof c === 'string' ? defuseCsvCell(c) : c)));
    sheet.getColumn(1).width = 70;
    sheet.getColumn(2).width = 24;
    sheet.getColumn(1).alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csvCell = (v: string | number) => {
  const s = typeof v === 'number' ? String(v) : defuseCsvCell(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
/** Every table of the report in one CSV: section, item, value (UTF-8 with BOM so spreadsheets read Vietnamese). */
export function annualToCsv(r: AnnualReport): string {
  const lines = [['section', 'item', 'value'].join(',')];
  for (const t of annualTables(r)) for (const row of t.rows) lines.push([t.name, row[0] ?? '', row[1] ?? ''].map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The printable report in the administrative layout (Decree 30/2020): header, number, date, sections, signature. */
export function annualToPdf(r: AnnualReport, now: Date): Promise<Buffer> {
  const blocks: PdfBlock[] = [
    { kind: 'paragraph', text: `Thực hiện ${PLAN_09.reference}, ${scopeName(r)} báo cáo kết quả năm ${r.year} như sau:` },
  ];
  for (const s of r.sections) {
    blocks.push({ kind: 'heading', text: `${s.code}. ${s.titleVi}` });
    blocks.push({ kind: 'list', items: s.tasks.map((t) => `${t.code}: ${t.textVi}`) });
    blocks.push({ kind: 'table', columns: ['Chỉ tiêu', 'Giá trị'], rows: s.figures.map((f) => [f.labelVi, valueText(f)]), widths: [3, 1] });
  }
  for (const b of r.breakdowns)
    blocks.push({
      kind: 'table',
      columns: [b.titleVi, 'Số lượng'],
      rows: b.rows.length ? b.rows.map((c) => [c.key, c.count === null ? '—' : String(c.count)]) : [['(không có)', '0']],
      widths: [3, 1],
    });
  TEXT_SECTIONS.forEach((t, i) => {
    blocks.push({ kind: 'heading', text: `${['IV', 'V', 'VI'][i]}. ${t.titleVi.toUpperCase()}` });
    blocks.push({ kind: 'paragraph', text: r.texts[t.key] || '(Chưa nhập nội dung)', italic: !r.texts[t.key] });
  });
  if (r.submissions.length)
    blocks.push({
      kind: 'table',
      columns: ['Cơ quan, đơn vị', 'Trạng thái'],
      rows: r.submissions.map((s) => [s.organisationName, STATUS_VI[s.status]]),
    });
  blocks.push({
    kind: 'signature',
    role: r.signerTitle || 'THỦ TRƯỞNG CƠ QUAN',
    name: r.signerName,
    note: '(Ký, ghi rõ họ tên, đóng dấu)',
  });
  return renderPdf({
    title: 'BÁO CÁO',
    subtitle: `Kết quả thực hiện Kế hoạch số 09/KH-UBND năm ${r.year}`,
    subject: `Báo cáo năm ${r.year}`,
    administrativeHeader: {
      issuer: r.organisation
        ? ['UBND THÀNH PHỐ HẢI PHÒNG', r.organisation.name.toUpperCase()]
        : ['UBND THÀNH PHỐ HẢI PHÒNG', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ'],
      number: `Số: ${r.documentNumber || '      /BC'}`,
      placeAndDate: vietnameseDateLine(now),
    },
    blocks,
    footer: `Báo cáo năm ${r.year} — ${scopeName(r)}`,
  });
}
