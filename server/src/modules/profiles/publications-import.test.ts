import { describe, expect, it } from 'vitest';
import { previewPublicationImport } from './publications-import.js';

const existing = [
  {
    id: 'p1',
    title: 'Port Competitiveness in Northern Vietnam',
    authors: '',
    venue: '',
    year: 2019,
    type: 'journal_article' as const,
    doi: '10.1080/03088839.2019.1234567',
  },
];

describe('publication import preview', () => {
  it('reads BibTeX with LaTeX accents and keeps title case', async () => {
    const [c] = await previewPublicationImport(
      'bibtex',
      '@article{k, author={Nguy{\\~{\\^e}}n, V{\\u a}n}, title={Cảng biển Hải Phòng}, journal={Tạp chí GTVT}, year=2021}',
      [],
    );
    expect(c).toMatchObject({
      status: 'new',
      publication: { title: 'Cảng biển Hải Phòng', authors: 'Nguyễn Văn', venue: 'Tạp chí GTVT', year: 2021, type: 'journal_article' },
    });
  });

  it('writes authors in their own order: Vietnamese surname first, others first name first', async () => {
    const bib =
      '@article{k, author={Nguyễn Văn Hải and Phạm, Thị Thu Hương and Smith, John and Lê Văn Mai and Jane Doe}, title={T}, year=2020}';
    const [c] = await previewPublicationImport('bibtex', bib, []);
    expect(c?.publication?.authors).toBe('Nguyễn Văn Hải; Phạm Thị Thu Hương; John Smith; Lê Văn Mai; Jane Doe');
  });

  it('flags duplicates by DOI (any case) and by folded title + year, also within the file', async () => {
    const bib = `
@article{a, title={Other title}, year=2020, doi={10.1080/03088839.2019.1234567}}
@article{b, title={port competitiveness in northern VIETNAM.}, year=2019}
@inproceedings{c, title={Logistics cảng biển}, booktitle={Hội nghị}, year=2022}
@inproceedings{d, title={Logistics Cang Bien}, booktitle={Hội nghị}, year=2022}`;
    const out = await previewPublicationImport('bibtex', bib, existing);
    expect(out.map((c) => c.status)).toEqual(['duplicate_existing', 'duplicate_existing', 'new', 'duplicate_in_file']);
    expect(out[0]?.duplicateOf).toBe('p1');
  });

  it('reports invalid entries with the field at fault, and never throws on a broken file', async () => {
    const out = await previewPublicationImport(
      'bibtex',
      '@article{x, title={No year}}\n@article{y, title={Bad DOI}, year=2020, doi={abc}}\n@misc{z, title={unterminated',
      [],
    );
    expect(out[0]).toMatchObject({ status: 'invalid', errors: [expect.objectContaining({ path: 'year' })] });
    expect(out[1]).toMatchObject({ status: 'invalid', errors: [expect.objectContaining({ path: 'doi' })] });
    expect(out[2]?.status).toBe('invalid');
  });

  it('reads CSV with a BOM and names unknown columns', async () => {
    const csv =
      '\uFEFFtitle,authors,venue,year,type,doi\n"Đánh giá, phản biện",Lê A,Tạp chí KH,2018,journal_article,https://doi.org/10.1000/182\n';
    expect((await previewPublicationImport('csv', csv, []))[0]).toMatchObject({
      status: 'new',
      publication: { title: 'Đánh giá, phản biện', doi: '10.1000/182' },
    });
    expect((await previewPublicationImport('csv', 'name,year\nX,2000\n', []))[0]).toMatchObject({
      status: 'invalid',
      errors: [expect.objectContaining({ message: expect.stringContaining('name') })],
    });
    expect((await previewPublicationImport('csv', 'title,year\n"unterminated,2000\n', []))[0]?.status).toBe('invalid');
  });
});
