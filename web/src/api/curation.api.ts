import type {
  applyBodySchema,
  associationListSchema,
  dashboardSchema,
  decisionBodySchema,
  duplicateListSchema,
  importJobListSchema,
  importJobSchema,
  importRowsSchema,
  membersQuerySchema,
  membersSchema,
  membershipSchema,
  mergeBodySchema,
  mergeResultSchema,
  myMembershipsSchema,
  queueItemSchema,
  queueQuerySchema,
  queueSchema,
  scanResultSchema,
  verificationDecisionBodySchema,
  verificationListSchema,
  verificationSchema,
} from '@hpen/server/contracts';
import type { z } from 'zod';
import { apiRequest, apiResponse } from './client';

export type Association = z.infer<typeof associationListSchema>['items'][number];
export type MyMembership = z.infer<typeof myMembershipsSchema>['items'][number];
export type Membership = z.infer<typeof membershipSchema>;
export type Member = z.infer<typeof membersSchema>['items'][number];
export type MembershipStatus = Membership['status'];
export type Verification = z.infer<typeof verificationSchema>;
export type VerificationStatus = Verification['status'];
export type VerificationItemType = Verification['itemType'];
export type QueueItem = z.infer<typeof queueItemSchema>;
export type QueueQuery = z.infer<typeof queueQuerySchema>;
export type MembersQuery = z.infer<typeof membersQuerySchema>;
export type Dashboard = z.infer<typeof dashboardSchema>;
export type DuplicatePair = z.infer<typeof duplicateListSchema>['items'][number];
export type DuplicateSide = NonNullable<DuplicatePair['a']>;
export type ScanResult = z.infer<typeof scanResultSchema>;
export type MergeBody = z.input<typeof mergeBodySchema>;
export type ImportJob = z.infer<typeof importJobSchema>;
export type ImportRows = z.infer<typeof importRowsSchema>;

export const curationKeys = {
  associations: ['associations'] as const,
  myMemberships: ['me', 'memberships'] as const,
  myVerifications: ['me', 'verifications'] as const,
  all: ['curation'] as const,
  dashboard: ['curation', 'dashboard'] as const,
  /** Keyed by the URL's filters as written (the page parses them with the contract when it fetches). */
  queue: (filters: Record<string, string>) => ['curation', 'verifications', filters] as const,
  verification: (id: string) => ['curation', 'verification', id] as const,
  members: (associationId: string, query: MembersQuery) => ['curation', 'members', associationId, query] as const,
  duplicates: ['curation', 'duplicates'] as const,
  imports: (associationId: string) => ['curation', 'imports', associationId] as const,
  importJob: (id: string) => ['curation', 'import', id] as const,
  importRows: (id: string, page: number) => ['curation', 'import', id, 'rows', page] as const,
};

const id = encodeURIComponent;

// Associations and memberships (the expert's side).
export const listAssociations = () => apiRequest<z.infer<typeof associationListSchema>>('/associations');
export const listMyMemberships = () => apiRequest<z.infer<typeof myMembershipsSchema>>('/me/memberships');
export const applyForMembership = (body: z.infer<typeof applyBodySchema>) =>
  apiRequest<Membership>('/me/memberships', { method: 'POST', body });
export const answerProposal = (associationId: string, answer: 'accept' | 'decline') =>
  apiRequest<Membership>(`/me/memberships/${id(associationId)}/answer`, { method: 'POST', body: { answer } });
export const deleteImport = (jobId: string) => apiRequest<null>(`/curation/imports/${id(jobId)}`, { method: 'DELETE' });
export const leaveAssociation = (associationId: string) =>
  apiRequest<Membership>(`/me/memberships/${id(associationId)}`, { method: 'DELETE' });

// Verification (the expert's side): multipart with the evidence files.
export const listMyVerifications = () => apiRequest<z.infer<typeof verificationListSchema>>('/me/verifications');
export const submitVerification = (form: FormData) => apiRequest<Verification>('/me/verifications', { method: 'POST', body: form });

// Curators.
export const getDashboard = () => apiRequest<Dashboard>('/curation/dashboard');
export const listQueue = (query: QueueQuery) => apiRequest<z.infer<typeof queueSchema>>('/curation/verifications', { query });
export const getVerification = (requestId: string) => apiRequest<QueueItem>(`/curation/verifications/${id(requestId)}`);
export const decideVerification = (requestId: string, body: z.infer<typeof verificationDecisionBodySchema>) =>
  apiRequest<Verification>(`/curation/verifications/${id(requestId)}/decision`, { method: 'POST', body });

export const listMembers = (associationId: string, query: MembersQuery) =>
  apiRequest<z.infer<typeof membersSchema>>(`/associations/${id(associationId)}/members`, { query: { ...query } });
export const decideMembership = (membershipId: string, body: z.infer<typeof decisionBodySchema>) =>
  apiRequest<Membership>(`/curation/memberships/${id(membershipId)}/decision`, { method: 'POST', body });

export const scanDuplicates = () => apiRequest<ScanResult>('/curation/duplicates/scan', { method: 'POST' });
export const listDuplicates = () => apiRequest<z.infer<typeof duplicateListSchema>>('/curation/duplicates');
export const dismissDuplicate = (pairId: string) => apiRequest<void>(`/curation/duplicates/${id(pairId)}/dismiss`, { method: 'POST' });
export const mergeDuplicate = (pairId: string, body: MergeBody) =>
  apiRequest<z.infer<typeof mergeResultSchema>>(`/curation/duplicates/${id(pairId)}/merge`, { method: 'POST', body });

export const listImports = (associationId?: string) =>
  apiRequest<z.infer<typeof importJobListSchema>>('/curation/imports', { query: { associationId } });
export const uploadImport = (associationId: string, form: FormData) =>
  apiRequest<ImportJob>('/curation/imports', { method: 'POST', query: { associationId }, body: form });
export const getImport = (jobId: string) => apiRequest<ImportJob>(`/curation/imports/${id(jobId)}`);
export const listImportErrors = (jobId: string, page: number, pageSize: number) =>
  apiRequest<ImportRows>(`/curation/imports/${id(jobId)}/rows`, { query: { only: 'errors', page, pageSize } });
/** Rows whose place (an old district, an old Hải Dương address) was moved onto the 2025 map, with what it became. */
export const listImportPlaces = (jobId: string, page: number, pageSize: number) =>
  apiRequest<ImportRows>(`/curation/imports/${id(jobId)}/rows`, { query: { only: 'places', page, pageSize } });
export const confirmImport = (jobId: string) => apiRequest<ImportJob>(`/curation/imports/${id(jobId)}/confirm`, { method: 'POST' });

/** Public files: plain links work, no token needed. */
export const importTemplateUrl = (format: 'csv' | 'xlsx') => `/api/curation/imports/template.${format}`;

export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/** The name from `Content-Disposition`: the UTF-8 `filename*` when present, else the plain `filename`. */
function filenameOf(response: Response, fallback: string): string {
  const header = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/.exec(header)?.[1] ?? fallback;
}

/** Files behind the bearer token cannot be plain links: fetch them through the client. */
async function download(path: string, fallbackName: string): Promise<DownloadedFile> {
  const response = await apiResponse(path);
  return { blob: await response.blob(), filename: filenameOf(response, fallbackName) };
}

export const downloadEvidence = (fileId: string, fallbackName: string) => download(`/curation/evidence/${id(fileId)}`, fallbackName);
export const downloadMembersCsv = (associationId: string) => download(`/associations/${id(associationId)}/members.csv`, 'hoi-vien.csv');
