import type { AnnualReport, Overview, PublicStatistics, ReportFiltersQuery, SaveAnnualBody } from '@hpen/server/contracts';
import type { BlobFile } from '../lib/save-file';
import { apiRequest, apiResponse } from './client';

export type { AnnualReport, Overview, PublicStatistics, ReportFiltersQuery };
type State = { id: string; status: 'draft' | 'submitted' | 'accepted'; version: number };

export const reportKeys = {
  overview: (f: ReportFiltersQuery) => ['reports', 'overview', f] as const,
  publicStatistics: ['reports', 'public-statistics'] as const,
  annual: (year: number, organisationId?: string) => ['reports', 'annual', year, organisationId ?? null] as const,
};

export const getOverview = (filters: ReportFiltersQuery) => apiRequest<Overview>('/reports/overview', { query: { ...filters } });
export const getPublicStatistics = () => apiRequest<PublicStatistics>('/public/statistics', { auth: false });
export const getAnnual = (year: number, organisationId?: string) =>
  apiRequest<AnnualReport>('/reports/annual', { query: { year, organisationId } });
export const saveAnnual = (year: number, body: SaveAnnualBody) => apiRequest<State>(`/reports/annual/${year}`, { method: 'PUT', body });
export const submitAnnual = (year: number) => apiRequest<State>(`/reports/annual/${year}/submit`, { method: 'POST' });
export const acceptAnnual = (id: string) => apiRequest<State>(`/reports/annual/by-id/${encodeURIComponent(id)}/accept`, { method: 'POST' });
export const returnAnnual = (id: string, reason: string) =>
  apiRequest<State>(`/reports/annual/by-id/${encodeURIComponent(id)}/return`, { method: 'POST', body: { reason } });

/** The report as a file (XLSX, CSV or PDF), fetched with the bearer token. */
export async function downloadAnnual(year: number, format: 'xlsx' | 'csv' | 'pdf', organisationId?: string): Promise<BlobFile> {
  const response = await apiResponse('/reports/annual', { query: { year, organisationId, format } });
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `bao-cao-${year}.${format}`;
  return { blob: await response.blob(), filename: name };
}
