import { describe, expect, it } from 'vitest';
import { PDF_LIMITS, PdfTooLargeError, renderPdf, vietnameseDateLine } from './pdf.js';

describe('renderPdf', () => {
  it('writes an A4 PDF in Noto Sans with the administrative header, a table and a signature', async () => {
    const pdf = await renderPdf({
      title: 'Báo cáo kết quả thực hiện',
      subtitle: 'Năm 2026',
      administrativeHeader: {
        issuer: ['UBND THÀNH PHỐ HẢI PHÒNG', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ'],
        number: 'Số: 12/BC-SKHCN',
        placeAndDate: vietnameseDateLine(new Date('2026-12-02T03:00:00Z')),
      },
      footer: 'Mạng lưới Trí thức Hải Phòng',
      blocks: [
        { kind: 'heading', text: 'I. Kết quả' },
        { kind: 'paragraph', text: 'Đội ngũ trí thức được tư vấn, phản biện và giám định xã hội. '.repeat(20) },
        { kind: 'list', items: ['Một', 'Hai'] },
        { kind: 'fields', rows: [['Chủ trì', 'Sở Xây dựng']] },
        { kind: 'table', columns: ['Lĩnh vực', 'Số người'], rows: Array.from({ length: 80 }, (_, i) => [`Ngành ${i}`, String(i)]) },
        { kind: 'signature', role: 'GIÁM ĐỐC', name: 'Nguyễn Văn A' },
      ],
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text).toMatch(/NotoSans/);
    expect(text.match(/\/Type \/Page\b/g)?.length).toBeGreaterThan(1);
  });

  it('formats the date line in Vietnam time, zero-padded as Decree 30/2020 asks', () => {
    expect(vietnameseDateLine(new Date('2026-12-31T18:00:00Z'))).toBe('Hải Phòng, ngày 01 tháng 01 năm 2027');
    expect(vietnameseDateLine(new Date('2026-03-05T03:00:00Z'))).toBe('Hải Phòng, ngày 05 tháng 3 năm 2026');
    expect(vietnameseDateLine(new Date('2026-12-12T03:00:00Z'), 'Hà Nội')).toBe('Hà Nội, ngày 12 tháng 12 năm 2026');
  });

  it('refuses a document beyond its limits before laying it out', async () => {
    const rows = Array.from({ length: PDF_LIMITS.tableRows + 1 }, () => ['x']);
    await expect(renderPdf({ title: 't', blocks: [{ kind: 'table', columns: ['c'], rows }] })).rejects.toBeInstanceOf(PdfTooLargeError);
  });
});
