import type {
  alertStateSchema,
  commitmentListSchema,
  commitmentSchema,
  eligibleResultSchema,
  interestedListSchema,
  interestListSchema,
  interestSchema,
  offerListSchema,
  offerSchema,
  suggestedExpertListSchema,
  suggestedOfferListSchema,
} from '@hpen/server/contracts';
import type { z } from 'zod';
import { apiRequest } from './client';

export type Offer = z.infer<typeof offerSchema>;
export type OfferList = z.infer<typeof offerListSchema>;
export type Commitment = z.infer<typeof commitmentSchema>;
export const offerKeys = { all: ['offers'] as const, mine: ['offers', 'mine'] as const, commitments: ['commitments'] as const };

export interface OfferFilters {
  q?: string;
  kind?: string[];
  sector?: string[];
  programId?: string[];
  page?: number;
}
const join = (v: string[] | undefined) => (v?.length ? v.join(',') : undefined);

export const listOffers = (f: OfferFilters) =>
  apiRequest<OfferList>('/offers', {
    auth: false,
    query: { q: f.q || undefined, kind: join(f.kind), sector: join(f.sector), programId: join(f.programId), page: f.page },
  });
export type EligibleResult = z.infer<typeof eligibleResultSchema>;
/** Staff: the experts eligible (and, asked for, nearly eligible) for a program. */
export const findEligibleExperts = (programId: string, nearly: boolean, page: number) =>
  apiRequest<EligibleResult>('/experts/eligible', { query: { programId, nearly: String(nearly), page: String(page) } });

export const getOffer = (id: string) => apiRequest<Offer>(`/offers/${encodeURIComponent(id)}`);
export const manageOffers = () => apiRequest<{ items: Offer[] }>('/offers/manage');
export const createOffer = (body: Record<string, unknown>) => apiRequest<Offer>('/offers', { method: 'POST', body });
export const setOfferStatus = (id: string, status: 'draft' | 'published' | 'closed') =>
  apiRequest<Offer>(`/offers/${encodeURIComponent(id)}/status`, { method: 'POST', body: { status } });
export const expressInterest = (id: string, note: string) =>
  apiRequest<z.infer<typeof interestSchema>>(`/offers/${encodeURIComponent(id)}/interest`, { method: 'POST', body: { note } });
export const withdrawInterest = (id: string) =>
  apiRequest<z.infer<typeof interestSchema>>(`/offers/${encodeURIComponent(id)}/interest`, { method: 'DELETE' });
export const interestedExperts = (id: string) =>
  apiRequest<z.infer<typeof interestedListSchema>>(`/offers/${encodeURIComponent(id)}/interests`);
export const suggestedExperts = (id: string) =>
  apiRequest<z.infer<typeof suggestedExpertListSchema>>(`/offers/${encodeURIComponent(id)}/suggestions`);
export const myInterests = () => apiRequest<z.infer<typeof interestListSchema>>('/me/offer-interests');
export const mySuggestedOffers = () => apiRequest<z.infer<typeof suggestedOfferListSchema>>('/me/offers/suggested');
export const getAlerts = () => apiRequest<z.infer<typeof alertStateSchema>>('/me/offer-alerts');
export const setAlerts = (enabled: boolean) =>
  apiRequest<z.infer<typeof alertStateSchema>>('/me/offer-alerts', { method: 'PUT', body: { enabled } });

export const listCommitments = (scope?: 'mine' | 'manage') =>
  apiRequest<z.infer<typeof commitmentListSchema>>('/commitments', { query: { scope } });
export const confirmYear = (id: string, year: number, note: string) =>
  apiRequest<Commitment>(`/commitments/${encodeURIComponent(id)}/confirmations`, { method: 'POST', body: { year, note } });
export const endEarly = (id: string, date: string, reason: string) =>
  apiRequest<Commitment>(`/commitments/${encodeURIComponent(id)}/exit`, { method: 'POST', body: { date, reason } });
