import type {
  ApplicationView,
  EligibilityList,
  ProgramContent,
  ProgramView,
  RuleDocument,
  applicationListSchema,
  applicationReviewerSchema,
  createProgramBodySchema,
  myReviewsSchema,
  reviewerCandidatesSchema,
  programListSchema,
  programVersionListSchema,
  ruleTestResultSchema,
} from '@hpen/server/contracts';
import type { z } from 'zod';
import type { BlobFile } from '../lib/save-file';
import { apiRequest, apiResponse } from './client';

export type ProgramList = z.infer<typeof programListSchema>;
export type CreateProgramBody = z.infer<typeof createProgramBodySchema>;
export type ProgramSummary = ProgramList['items'][number];
export type ApplicationList = z.infer<typeof applicationListSchema>;
export type ApplicationSummary = ApplicationList['items'][number];
export type ApplicationReviewer = z.infer<typeof applicationReviewerSchema>;
export type MyReviews = z.infer<typeof myReviewsSchema>;
export type ReviewerCandidates = z.infer<typeof reviewerCandidatesSchema>;
export type ReviewerAnswer =
  | { accept: true; declaration: { conflict: boolean; description: string; familyOrFinancial: boolean; confidentiality: boolean } }
  | { accept: false; reason: string };
export type RuleTestResult = z.infer<typeof ruleTestResultSchema> & { label: string; profileId: string | null };
export type SampleFacts = {
  asOf: string;
  highestDegree?: string | null;
  academicTitle?: 'GS' | 'PGS' | null;
  birthYear?: number | null;
  gender?: 'female' | 'male' | 'other' | null;
  sectors?: string[];
  declared: Record<string, boolean | number | string>;
};
export type { ApplicationView, EligibilityList, ProgramContent, ProgramView, RuleDocument };

const enc = encodeURIComponent;

export const programKeys = {
  list: ['programs'] as const,
  manage: ['programs', 'manage'] as const,
  one: (id: string) => ['programs', id] as const,
  versions: (id: string) => ['programs', id, 'versions'] as const,
  mine: (lang: string) => ['programs', 'eligibility', lang] as const,
  staff: (profileId: string, lang: string) => ['programs', 'eligibility', profileId, lang] as const,
  applications: (scope: string) => ['applications', scope] as const,
  application: (id: string) => ['applications', 'one', id] as const,
  reviews: ['applications', 'reviews'] as const,
};

export const listPrograms = () => apiRequest<ProgramList>('/programs');
export const listManagedPrograms = () => apiRequest<ProgramList>('/programs/manage');
export const getProgram = (id: string) => apiRequest<ProgramView>(`/programs/${enc(id)}`);
export const getProgramVersions = (id: string) => apiRequest<z.infer<typeof programVersionListSchema>>(`/programs/${enc(id)}/versions`);
export const saveProgram = (id: string, body: { content: ProgramContent; version: number; note: string }) =>
  apiRequest<{ id: string; version: number }>(`/programs/${enc(id)}`, { method: 'PUT', body });
export const createProgram = (body: CreateProgramBody) =>
  apiRequest<{ id: string; version: number }>('/programs', { method: 'POST', body });
export const setProgramStatus = (id: string, status: ProgramView['status']) =>
  apiRequest<{ id: string; version: number }>(`/programs/${enc(id)}/status`, { method: 'POST', body: { status } });
export const testProgramRules = (
  id: string,
  body: { rules: RuleDocument; profiles: Array<{ label: string; facts: SampleFacts }>; profileIds: string[] },
) => apiRequest<{ results: RuleTestResult[] }>(`/programs/${enc(id)}/rules/test`, { method: 'POST', body });

export const getMyEligibility = (lang: string) => apiRequest<EligibilityList>('/me/eligibility', { query: { lang } });
export const getExpertEligibility = (profileId: string, lang: string) =>
  apiRequest<EligibilityList>(`/experts/${enc(profileId)}/eligibility`, { query: { lang } });

export const listApplications = (query: { scope?: 'mine' | 'queue'; status?: string; programId?: string }) =>
  apiRequest<ApplicationList>('/applications', { query });
export const getApplication = (id: string) => apiRequest<ApplicationView>(`/applications/${enc(id)}`);
export const startApplication = (
  programId: string,
  body: { declared: Record<string, boolean | number | string>; statement: string; assessmentConsent: boolean },
) => apiRequest<{ id: string; status: 'draft' }>(`/programs/${enc(programId)}/applications`, { method: 'POST', body });
export const updateApplication = (id: string, body: { declared?: Record<string, boolean | number | string>; statement?: string }) =>
  apiRequest<ApplicationView>(`/applications/${enc(id)}`, { method: 'PATCH', body });
export const applicationStep = (id: string, step: string, body?: object) =>
  apiRequest<{ id: string; status: string }>(`/applications/${enc(id)}/${step}`, { method: 'POST', ...(body ? { body } : {}) });
export const seatReviewer = (id: string, profileId: string) =>
  apiRequest<ApplicationReviewer>(`/applications/${enc(id)}/reviewers`, { method: 'POST', body: { profileId } });
export const listReviewerCandidates = (id: string, q: string) =>
  apiRequest<ReviewerCandidates>(`/applications/${enc(id)}/reviewer-candidates`, { query: { q } });
export const unseatReviewer = (id: string, reviewerId: string) =>
  apiRequest<{ ok: true }>(`/applications/${enc(id)}/reviewers/${enc(reviewerId)}`, { method: 'DELETE' });
export const listMyReviews = () => apiRequest<MyReviews>('/me/application-reviews');
export const answerReview = (reviewerId: string, body: ReviewerAnswer) =>
  apiRequest<ApplicationReviewer>(`/application-reviews/${enc(reviewerId)}/answer`, { method: 'POST', body });
export const giveReviewOpinion = (reviewerId: string, body: { recommendation: 'approve' | 'reject' | 'abstain'; comment: string }) =>
  apiRequest<ApplicationReviewer>(`/application-reviews/${enc(reviewerId)}/opinion`, { method: 'PUT', body });
export const saveChecklist = (id: string, items: Array<{ criterionId: string; checked: boolean; note: string }>) =>
  apiRequest<ApplicationView>(`/applications/${enc(id)}/checklist`, { method: 'PUT', body: { items } });
export const uploadApplicationDocument = (id: string, file: File, purpose: string) => {
  const form = new FormData();
  form.set('purpose', purpose);
  form.set('file', file);
  return apiRequest<ApplicationView['documents'][number]>(`/applications/${enc(id)}/documents`, { method: 'POST', body: form });
};
export async function downloadApplicationDocument(id: string, d: { id: string; name: string }): Promise<BlobFile> {
  const response = await apiResponse(`/applications/${enc(id)}/documents/${enc(d.id)}`);
  return { blob: await response.blob(), filename: d.name };
}
