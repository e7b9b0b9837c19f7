import { projectProfile } from '../profiles/profile-projection.js';
import { defuseCsvCell } from '../shared/csv.js';
import type { ReportsRepository } from './reports.repository.js';
import type { PublicStatistics } from './reports.schemas.js';
import type { ReportsService } from './reports.service.js';

/** The licence stated with every open dataset (the choice is the city's: CC BY 4.0 until the Department decides otherwise). */
export const OPEN_DATA_LICENCE = {
  name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: 'Mạng lưới chuyên gia Hải Phòng — Sở Khoa học và Công nghệ thành phố Hải Phòng',
};

interface Deps {
  reportsRepository: ReportsRepository;
  reportsService: ReportsService;
  publicUrl: string;
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : typeof v === 'number' ? String(v) : defuseCsvCell(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (header: string[], rows: Array<Array<string | number | null>>) =>
  `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;

/** Public statistics flattened to (dimension, key, count): suppressed cells stay null. */
export function statisticsRows(s: PublicStatistics): Array<[string, string, number | null]> {
  const e = s.experts;
  const rows: Array<[string, string, number | null]> = [
    ['experts', 'total', e.total],
    ['experts', 'verified', e.verified],
  ];
  const dims = {
    byDegree: e.byDegree,
    byTitle: e.byTitle,
    bySector: e.bySector,
    byLocation: e.byLocation,
    byAgeBand: e.byAgeBand,
    byGender: e.byGender,
    byAssociation: e.byAssociation,
    completenessBands: e.completenessBands,
  };
  for (const f of e.byField) {
    rows.push(['experts.byField', f.key, f.count]);
    for (const sub of f.sub) rows.push(['experts.bySubField', sub.key, sub.count]);
  }
  for (const [dim, cells] of Object.entries(dims)) for (const c of cells) rows.push([`experts.${dim}`, c.key, c.count]);
  rows.push(['consultations', 'total', s.consultations.total], ['consultations', 'sent', s.consultations.sent]);
  for (const c of s.consultations.byKind) rows.push(['consultations.byKind', c.key, c.count]);
  rows.push(
    ['programs', 'applied', s.programs.applied],
    ['programs', 'approved', s.programs.approved],
    ['programs', 'commitmentsActive', s.programs.commitmentsActive],
  );
  for (const c of s.programs.byProgram) rows.push(['programs.byProgram', c.key, c.count]);
  rows.push(['awards', 'nominations', s.awards.nominations], ['awards', 'awarded', s.awards.awarded]);
  for (const c of s.awards.awardedByField) rows.push(['awards.awardedByField', c.key, c.count]);
  return rows;
}

const PAGE = 1000;

export function createOpenDataService({ reportsRepository: repo, reportsService, publicUrl }: Deps) {
  /** Only listed profiles, only their public sections: the shared projection decides, nothing else. */
  async function directoryPage(cursor: string | null, limit: number) {
    const rows = await repo.listedProfilesPage(cursor, limit);
    const items = rows.flatMap((row) => {
      const v = projectProfile(row, 'public');
      if (!v) return [];
      return [
        {
          id: v.id,
          fullName: v.fullName,
          academicTitle: v.academicTitle ?? null,
          highestDegree: v.highestDegree ?? null,
          fields: (v.fields ?? []).map((f) => f.code),
          sectors: v.sectors ?? [],
          keywords: v.keywords ?? [],
          location: v.location ?? null,
          url: `${publicUrl}/experts/${v.id}`,
        },
      ];
    });
    return { items, nextCursor: rows.length === limit ? rows.at(-1)!.id : null };
  }

  return {
    async catalogue() {
      const versionDate = (await repo.lastListedChange())?.toISOString().slice(0, 10) ?? null;
      return {
        title: 'Dữ liệu mở — Mạng lưới chuyên gia Hải Phòng',
        licence: OPEN_DATA_LICENCE,
        datasets: [
          {
            id: 'statistics',
            title: 'Thống kê tổng hợp về đội ngũ chuyên gia, trí thức (ô dưới 5 người được ẩn)',
            formats: { json: '/api/public/open-data/statistics.json', csv: '/api/public/open-data/statistics.csv' },
            versionDate: new Date().toISOString().slice(0, 10),
            columns: ['dimension', 'key', 'count'],
          },
          {
            id: 'experts',
            title: 'Danh bạ chuyên gia: các trường công khai mà chuyên gia đồng ý công bố',
            formats: { json: '/api/public/open-data/experts.json', csv: '/api/public/open-data/experts.csv' },
            versionDate,
            columns: ['id', 'fullName', 'academicTitle', 'highestDegree', 'fields', 'sectors', 'keywords', 'location', 'url'],
          },
        ],
      };
    },
    async statistics() {
      const s = await reportsService.publicStatistics();
      return { licence: OPEN_DATA_LICENCE, versionDate: s.generatedAt.slice(0, 10), statistics: s };
    },
    async statisticsCsv() {
      return csv(['dimension', 'key', 'count'], statisticsRows(await reportsService.publicStatistics()));
    },
    async experts(cursor: string | null, limit: number) {
      const [page, last] = await Promise.all([directoryPage(cursor, limit), repo.lastListedChange()]);
      return { licence: OPEN_DATA_LICENCE, versionDate: last?.toISOString().slice(0, 10) ?? null, ...page };
    },
    /** The whole directory as CSV, read page by page (never every profile at once). */
    async expertsCsv() {
      const out: Array<Array<string | number | null>> = [];
      let cursor: string | null = null;
      do {
        const page = await directoryPage(cursor, PAGE);
        for (const e of page.items) {
          const loc = e.location ? Object.values(e.location).filter(Boolean).join(':') : null;
          out.push([
            e.id,
            e.fullName,
            e.academicTitle,
            e.highestDegree,
            e.fields.join(';'),
            e.sectors.join(';'),
            e.keywords.join(';'),
            loc,
            e.url,
          ]);
        }
        cursor = page.nextCursor;
      } while (cursor);
      return csv(['id', 'fullName', 'academicTitle', 'highestDegree', 'fields', 'sectors', 'keywords', 'location', 'url'], out);
    },
  };
}
export type OpenDataService = ReturnType<typeof createOpenDataService>;
