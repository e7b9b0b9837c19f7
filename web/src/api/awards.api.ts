import type { awardListSchema, awardSchema, honourRollSchema, roundPageSchema } from '@hpen/server/contracts';
import type { z } from 'zod';
import { apiRequest } from './client';

export type HonourRoll = z.infer<typeof honourRollSchema>;
export const awardKeys = { all: ['awards'] as const, roll: ['honour-roll'] as const };

export const listAwards = () => apiRequest<z.infer<typeof awardListSchema>>('/awards', { auth: false });
export const getAward = (id: string) => apiRequest<z.infer<typeof awardSchema>>(`/awards/${encodeURIComponent(id)}`, { auth: false });
export const getRoundPage = (id: string, roundId: string) =>
  apiRequest<z.infer<typeof roundPageSchema>>(`/awards/${encodeURIComponent(id)}/rounds/${encodeURIComponent(roundId)}`, { auth: false });
export const getHonourRoll = () => apiRequest<HonourRoll>('/honour-roll', { auth: false });
