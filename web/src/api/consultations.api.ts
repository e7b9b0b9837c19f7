import type {
  ConsultationView,
  consultationListSchema,
  createConsultationBodySchema,
  createdSchema,
  documentListSchema,
  invitationListSchema,
  panelProposalSchema,
  candidatesSchema,
  publicConsultationListSchema,
  PublicConsultation,
  reviewListSchema,
  statusSchema,
  suggestionsSchema,
} from '@hpen/server/contracts';
import type { z } from 'zod';
import type { BlobFile } from '../lib/save-file';
import { apiRequest, apiResponse } from './client';

export type CreateConsultationBody = z.input<typeof createConsultationBodySchema>;
export type Suggestions = z.infer<typeof suggestionsSchema>;
export type Invitation = z.infer<typeof invitationListSchema>['items'][number];
type Status = z.infer<typeof statusSchema>;

export const consultationKeys = {
  all: ['consultations'] as const,
  list: ['consultations', 'list'] as const,
  one: (id: string) => ['consultations', 'one', id] as const,
  suggestions: (id: string) => ['consultations', 'suggestions', id] as const,
  proposal: (id: string) => ['consultations', 'proposal', id] as const,
  reviews: (id: string) => ['consultations', 'reviews', id] as const,
  myReview: (id: string) => ['consultations', 'my-review', id] as const,
  invitations: ['consultations', 'invitations'] as const,
  public: ['consultations', 'public'] as const,
  documents: (id: string) => ['consultations', 'documents', id] as const,
};

const id = encodeURIComponent;
const post = <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', ...(body === undefined ? {} : { body }) });

export const listConsultations = () => apiRequest<z.infer<typeof consultationListSchema>>('/consultations');
export const getConsultation = (caseId: string) => apiRequest<ConsultationView>(`/consultations/${id(caseId)}`);
export const createConsultation = (body: CreateConsultationBody) => post<z.infer<typeof createdSchema>>('/consultations', body);
export const getSuggestions = (caseId: string) => apiRequest<Suggestions>(`/consultations/${id(caseId)}/suggestions`);
export const getPanelProposal = (caseId: string) =>
  apiRequest<z.infer<typeof panelProposalSchema>>(`/consultations/${id(caseId)}/panel-proposal`);
export const findCandidates = (caseId: string, q: string) =>
  apiRequest<z.infer<typeof candidatesSchema>>(`/consultations/${id(caseId)}/candidates?q=${id(q)}`);
export const inviteExperts = (
  caseId: string,
  body: {
    profileIds: string[];
    roles?: Record<string, 'chair' | 'reviewer' | 'member' | 'secretary'>;
    overrides?: Array<{ profileId: string; code: string; reason: string }>;
  },
) => post<unknown>(`/consultations/${id(caseId)}/invitations`, body);
export const getReviews = (caseId: string) => apiRequest<z.infer<typeof reviewListSchema>>(`/consultations/${id(caseId)}/reviews`);
export const getMyReview = (caseId: string) =>
  apiRequest<{ content: Record<string, string>; submittedAt: string | null }>(`/consultations/${id(caseId)}/reviews/mine`);
export const saveMyReview = (caseId: string, body: Record<string, string>) =>
  apiRequest<unknown>(`/consultations/${id(caseId)}/reviews/mine`, { method: 'PUT', body });
export const submitMyReview = (caseId: string) => post<unknown>(`/consultations/${id(caseId)}/reviews/mine/submit`);
export const caseStep = (
  caseId: string,
  step: 'report' | 'report/approve' | 'send' | 'reply' | 'rating' | 'close' | 'cancel',
  body?: unknown,
) => post<Status>(`/consultations/${id(caseId)}/${step}`, body);

export const listInvitations = () => apiRequest<z.infer<typeof invitationListSchema>>('/me/invitations');
export const acceptInvitation = (invitationId: string, declaration: Record<string, unknown>) =>
  post<Status>(`/me/invitations/${id(invitationId)}/accept`, { declaration });
export const declineInvitation = (invitationId: string, reason: string) =>
  post<Status>(`/me/invitations/${id(invitationId)}/decline`, { reason });

export const listPublicConsultations = () =>
  apiRequest<z.infer<typeof publicConsultationListSchema>>('/public/consultations', { auth: false });
export const getPublicConsultation = (caseId: string) =>
  apiRequest<PublicConsultation>(`/public/consultations/${id(caseId)}`, { auth: false });

export type CaseDocument = z.infer<typeof documentListSchema>['items'][number];
export const listDocuments = (caseId: string) => apiRequest<z.infer<typeof documentListSchema>>(`/consultations/${id(caseId)}/documents`);
export const uploadDocument = (caseId: string, file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return post<CaseDocument>(`/consultations/${id(caseId)}/documents`, form);
};
/** The consolidated opinion as a PDF (Vietnamese first), behind the bearer token like the documents. */
export async function downloadReportPdf(caseId: string, lang: 'vi' | 'en' = 'vi'): Promise<BlobFile> {
  const response = await apiResponse(`/consultations/${id(caseId)}/report.pdf?lang=${lang}`);
  return { blob: await response.blob(), filename: `y-kien-tong-hop-${caseId.slice(0, 8)}${lang === 'en' ? '-en' : ''}.pdf` };
}
/** Behind the bearer token, so fetched through the client and saved as a blob. */
export async function downloadDocument(caseId: string, d: CaseDocument): Promise<BlobFile> {
  const response = await apiResponse(`/consultations/${id(caseId)}/documents/${id(d.id)}`);
  return { blob: await response.blob(), filename: d.name };
}
