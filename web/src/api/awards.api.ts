import type {
  assignmentsSchema,
  awardListSchema,
  awardSchema,
  createNominationBodySchema,
  honourRollSchema,
  myNominationsSchema,
  myScoreSchema,
  nominationDocumentListSchema,
  nominationSchema,
  phaseConsoleSchema,
  reviewerSuggestionsSchema,
  roundPageSchema,
} from '@hpen/server/contracts';
import type { z } from 'zod';
import { apiRequest, apiResponse } from './client';
import type { BlobFile } from '../lib/save-file';

export type HonourRoll = z.infer<typeof honourRollSchema>;
export type Award = z.infer<typeof awardSchema>;
export type Nomination = z.infer<typeof nominationSchema>;
export type MyNomination = z.infer<typeof myNominationsSchema>['items'][number];
export type NominationBody = z.input<typeof createNominationBodySchema>;
export type NominationDocument = z.infer<typeof nominationDocumentListSchema>['items'][number];
export type Assignment = z.infer<typeof assignmentsSchema>['items'][number];
export type MyScore = z.infer<typeof myScoreSchema>;
export type PhaseConsole = z.infer<typeof phaseConsoleSchema>;
export type ReviewerSuggestions = z.infer<typeof reviewerSuggestionsSchema>;

export const awardKeys = {
  all: ['awards'] as const,
  roll: ['honour-roll'] as const,
  mine: ['awards', 'mine'] as const,
  nomination: (id: string) => ['awards', 'nomination', id] as const,
  documents: (id: string) => ['awards', 'nomination', id, 'documents'] as const,
  score: (id: string) => ['awards', 'nomination', id, 'score'] as const,
  assignments: ['awards', 'assignments'] as const,
  console: (id: string, roundId: string, phase: number) => ['awards', 'console', id, roundId, phase] as const,
  reviewers: (id: string) => ['awards', 'nomination', id, 'reviewer-suggestions'] as const,
};

const e = encodeURIComponent;
const post = <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', ...(body === undefined ? {} : { body }) });

export const listAwards = () => apiRequest<z.infer<typeof awardListSchema>>('/awards', { auth: false });
export const getAward = (id: string) => apiRequest<Award>(`/awards/${e(id)}`, { auth: false });
export const getRoundPage = (id: string, roundId: string) =>
  apiRequest<z.infer<typeof roundPageSchema>>(`/awards/${e(id)}/rounds/${e(roundId)}`, { auth: false });
export const getHonourRoll = () => apiRequest<HonourRoll>('/honour-roll', { auth: false });

export const createNomination = (awardId: string, roundId: string, body: NominationBody) =>
  post<{ id: string; status: 'draft' }>(`/awards/${e(awardId)}/rounds/${e(roundId)}/nominations`, body);
export const myNominations = () => apiRequest<z.infer<typeof myNominationsSchema>>('/award-nominations/mine');
export const getNomination = (id: string) => apiRequest<Nomination>(`/award-nominations/${e(id)}`);
export const nominationStep = (id: string, step: 'submit' | 'withdraw') =>
  post<{ id: string; status: string }>(`/award-nominations/${e(id)}/${step}`);
export const decideEligibility = (id: string, eligible: boolean, reason: string) =>
  post<{ id: string; status: string }>(`/award-nominations/${e(id)}/eligibility`, { eligible, reason });
export const listNominationDocuments = (id: string) =>
  apiRequest<z.infer<typeof nominationDocumentListSchema>>(`/award-nominations/${e(id)}/documents`);
export const uploadNominationDocument = (id: string, file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return post<NominationDocument>(`/award-nominations/${e(id)}/documents`, form);
};
export async function downloadNominationDocument(id: string, d: NominationDocument): Promise<BlobFile> {
  const response = await apiResponse(`/award-nominations/${e(id)}/documents/${e(d.id)}`);
  return { blob: await response.blob(), filename: d.name };
}

export const myAssignments = () => apiRequest<z.infer<typeof assignmentsSchema>>('/award-council/assignments');
export const getMyScore = (id: string) => apiRequest<MyScore>(`/award-nominations/${e(id)}/score`);
export const saveMyScore = (id: string, body: { scores: Record<string, number>; review: MyScore['review'] }) =>
  apiRequest<MyScore>(`/award-nominations/${e(id)}/score`, { method: 'PUT', body });
export const castVote = (id: string, choice: 'yes' | 'no' | 'abstain') => post<unknown>(`/award-nominations/${e(id)}/vote`, { choice });
export const declareConflict = (id: string, reason: string) => post<unknown>(`/award-nominations/${e(id)}/recusal`, { reason });

const phasePath = (id: string, roundId: string, phase: number) => `/awards/${e(id)}/rounds/${e(roundId)}/phases/${phase}`;
export const getConsole = (id: string, roundId: string, phase: number) =>
  apiRequest<PhaseConsole>(`${phasePath(id, roundId, phase)}/console`);
export const saveAttendance = (id: string, roundId: string, phase: number, presentMemberIds: string[]) =>
  apiRequest<PhaseConsole>(`${phasePath(id, roundId, phase)}/attendance`, { method: 'PUT', body: { presentMemberIds } });
export const startPhase = (id: string, roundId: string, phase: number) => post<unknown>(`${phasePath(id, roundId, phase)}/start`);
export const closePhase = (id: string, roundId: string, phase: number) => post<unknown>(`${phasePath(id, roundId, phase)}/close`);
export async function downloadMinutes(id: string, roundId: string, phase: number): Promise<BlobFile> {
  const response = await apiResponse(`${phasePath(id, roundId, phase)}/minutes.pdf`);
  return { blob: await response.blob(), filename: `bien-ban-vong-${phase}.pdf` };
}
export const recordDecision = (
  id: string,
  roundId: string,
  body: { number: string; date: string; signer: string; publishAt: string; awarded: Array<{ nominationId: string; prizeLevel: string }> },
) => post<unknown>(`/awards/${e(id)}/rounds/${e(roundId)}/decision`, body);
export const listRoundNominations = (id: string, roundId: string) =>
  apiRequest<{ items: Nomination[] }>(`/awards/${e(id)}/rounds/${e(roundId)}/nominations`);
export const getReviewerSuggestions = (nominationId: string) =>
  apiRequest<ReviewerSuggestions>(`/award-nominations/${e(nominationId)}/reviewer-suggestions`);
/** Seats an independent reviewer (ủy viên phản biện độc lập) on the council of one phase. */
export const inviteReviewer = (id: string, roundId: string, phase: number, profileId: string) =>
  post<unknown>(`/awards/${e(id)}/rounds/${e(roundId)}/council`, { phase, profileId, role: 'reviewer', independent: true });
