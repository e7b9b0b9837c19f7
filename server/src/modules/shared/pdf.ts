import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/**
 * The one way the app writes PDF documents (consultation opinions, council minutes, yearly
 * reports): a small list of blocks laid out on A4 in Noto Sans, which covers Vietnamese.
 * Documents in the Vietnamese administrative layout (Decree 30/2020/NĐ-CP) start with
 * `administrativeHeader`: issuer and number on the left, the national motto on the right,
 * place and date under it.
 */
export type PdfBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; italic?: boolean }
  | { kind: 'list'; items: string[] }
  | { kind: 'fields'; rows: Array<[label: string, value: string]> }
  | { kind: 'table'; columns: string[]; rows: string[][]; widths?: number[] }
  | { kind: 'signature'; role: string; name: string; note?: string }
  | { kind: 'pageBreak' };

export interface AdministrativeHeader {
  /** e.g. ["UBND THÀNH PHỐ HẢI PHÒNG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"]: the last line is bold. */
  issuer: string[];
  /** e.g. "Số: 12/BC-SKHCN" */
  number?: string;
  /** e.g. "Hải Phòng, ngày 2 tháng 12 năm 2026" */
  placeAndDate?: string;
}

export interface PdfSpec {
  title: string;
  subtitle?: string;
  author?: string;
  subject?: string;
  administrativeHeader?: AdministrativeHeader;
  blocks: PdfBlock[];
  /** Small print on every page's foot, e.g. the document's address in the app. */
  footer?: string;
}

/** Upper bounds that keep one document from tying up the process (checked before layout). */
export const PDF_LIMITS = { blocks: 5_000, textChars: 2_000_000, tableRows: 20_000 } as const;

export class PdfTooLargeError extends Error {
  constructor(what: string) {
    super(`PDF too large: ${what}`);
  }
}

const require = createRequire(import.meta.url);
const fontPath = (weight: string) => require.resolve(`@expo-google-fonts/noto-sans/${weight}/NotoSans_${weight}.ttf`);
const FONTS = { regular: fontPath('400Regular'), bold: fontPath('700Bold'), italic: fontPath('400Regular_Italic') };

/**
 * Vietnamese date line as Decree 30/2020/NĐ-CP writes it: days below 10 and the months 1 and 2
 * take a leading zero ("Hải Phòng, ngày 02 tháng 12 năm 2026", "ngày 15 tháng 02", "ngày 05 tháng 3").
 */
export function vietnameseDateLine(date: Date, place = 'Hải Phòng'): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: 'numeric', month: 'numeric', year: 'numeric' })
    .formatToParts(date)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  const day = Number(parts.day);
  const month = Number(parts.month);
  return `${place}, ngày ${String(day).padStart(2, '0')} tháng ${month < 3 ? String(month).padStart(2, '0') : month} năm ${parts.year}`;
}

function checkSize(spec: PdfSpec) {
  if (spec.blocks.length > PDF_LIMITS.blocks) throw new PdfTooLargeError(`${spec.blocks.length} blocks`);
  let chars = spec.title.length + (spec.subtitle?.length ?? 0);
  let rows = 0;
  for (const b of spec.blocks) {
    if (b.kind === 'heading' || b.kind === 'paragraph') chars += b.text.length;
    else if (b.kind === 'list') chars += b.items.reduce((n, s) => n + s.length, 0);
    else if (b.kind === 'fields') chars += b.rows.reduce((n, [l, v]) => n + l.length + v.length, 0);
    else if (b.kind === 'table') {
      rows += b.rows.length;
      chars += b.rows.reduce((n, r) => n + r.reduce((m, c) => m + c.length, 0), 0);
    }
  }
  if (chars > PDF_LIMITS.textChars) throw new PdfTooLargeError(`${chars} characters`);
  if (rows > PDF_LIMITS.tableRows) throw new PdfTooLargeError(`${rows} table rows`);
}

/** Renders the spec to a PDF (A4, Noto Sans). Throws PdfTooLargeError beyond PDF_LIMITS. */
export async function renderPdf(spec: PdfSpec): Promise<Buffer> {
  checkSize(spec);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 64, right: 56 },
    bufferPages: Boolean(spec.footer),
    info: { Title: spec.title, Author: spec.author ?? 'Mạng lưới Trí thức Hải Phòng', Subject: spec.subject ?? spec.title },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('italic', FONTS.italic);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  if (spec.administrativeHeader) {
    const h = spec.administrativeHeader;
    const top = doc.y;
    const half = width / 2 - 8;
    doc.font('regular').fontSize(11);
    h.issuer.forEach((line, i) =>
      doc
        .font(i === h.issuer.length - 1 ? 'bold' : 'regular')
        .text(line, left, i === 0 ? top : undefined, { width: half - 40, align: 'center' }),
    );
    if (h.number) doc.font('regular').text(h.number, left, undefined, { width: half - 40, align: 'center' });
    const leftBottom = doc.y;
    doc.font('bold').text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left + half - 30, top, { width: half + 30, align: 'center' });
    doc.text('Độc lập - Tự do - Hạnh phúc', left + half - 30, undefined, { width: half + 30, align: 'center', underline: true });
    if (h.placeAndDate)
      doc
        .font('italic')
        .moveDown(0.6)
        .text(h.placeAndDate, left + half - 30, undefined, { width: half + 30, align: 'center' });
    doc.x = left;
    doc.y = Math.max(leftBottom, doc.y) + 18;
  }

  doc.font('bold').fontSize(15).text(spec.title.toUpperCase(), left, undefined, { width, align: 'center' });
  if (spec.subtitle) doc.font('regular').fontSize(11.5).text(spec.subtitle, { width, align: 'center' });
  doc.moveDown(1);

  for (const block of spec.blocks) {
    switch (block.kind) {
      case 'heading':
        doc.moveDown(0.5).font('bold').fontSize(12.5).text(block.text, left, undefined, { width });
        doc.moveDown(0.2);
        break;
      case 'paragraph':
        doc
          .font(block.italic ? 'italic' : 'regular')
          .fontSize(11.5)
          .text(block.text, left, undefined, { width, align: 'justify', paragraphGap: 4 });
        break;
      case 'list':
        doc
          .font('regular')
          .fontSize(11.5)
          .list(block.items, left + 8, undefined, { width: width - 8, bulletRadius: 2, paragraphGap: 2 });
        doc.x = left;
        break;
      case 'fields':
        for (const [label, value] of block.rows) {
          doc.font('bold').fontSize(11).text(`${label}: `, left, undefined, { continued: true, width });
          doc.font('regular').text(value || '—');
        }
        break;
      case 'table':
        drawTable(doc, block, left, width);
        break;
      case 'signature': {
        doc.moveDown(1.2);
        const x = left + width / 2;
        doc
          .font('bold')
          .fontSize(11.5)
          .text(block.role, x, undefined, { width: width / 2, align: 'center' });
        if (block.note)
          doc
            .font('italic')
            .fontSize(10)
            .text(block.note, x, undefined, { width: width / 2, align: 'center' });
        doc
          .moveDown(2.5)
          .font('bold')
          .fontSize(11.5)
          .text(block.name, x, undefined, { width: width / 2, align: 'center' });
        doc.x = left;
        break;
      }
      case 'pageBreak':
        doc.addPage();
        break;
    }
  }

  if (spec.footer) {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font('regular')
        .fontSize(8)
        .fillColor('#555')
        .text(`${spec.footer} · ${i + 1}/${range.count}`, left, doc.page.height - 36, { width, align: 'center', lineBreak: false });
      doc.page.margins.bottom = bottom;
      doc.fillColor('black');
    }
  }
  doc.end();
  return done;
}

function drawTable(doc: PDFKit.PDFDocument, block: Extract<PdfBlock, { kind: 'table' }>, left: number, width: number) {
  const n = block.columns.length;
  const weights = block.widths && block.widths.length === n ? block.widths : block.columns.map(() => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / total) * width);
  const pad = 3;
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(9.5);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], font: string, shade: boolean) => {
    const h = rowHeight(cells, font);
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      const w = widths[i]!;
      if (shade) doc.rect(x, y, w, h).fillAndStroke('#eeeeee', '#888888').fillColor('black');
      else doc.rect(x, y, w, h).stroke('#888888');
      doc
        .font(font)
        .fontSize(9.5)
        .text(cell, x + pad, y + pad, { width: w - 2 * pad });
      x += w;
    });
    doc.x = left;
    doc.y = y + h;
  };
  doc.moveDown(0.3);
  drawRow(block.columns, 'bold', true);
  for (const row of block.rows)
    drawRow(
      block.columns.map((_, i) => row[i] ?? ''),
      'regular',
      false,
    );
  doc.moveDown(0.6);
}
