import type { AwardCriterion, CouncilRole, CouncilRulesData } from '@hpen/db';

/** Ratios are stored as decimals (0.75); a tiny epsilon keeps 0.75 × 8 = 6 from rounding up to 7. */
const atLeast = (ratio: number, n: number) => Math.max(0, Math.ceil(ratio * n - 1e-9));

export interface CouncilSeat {
  id: string;
  role: CouncilRole;
}
export interface QuorumInput {
  rules: CouncilRulesData;
  members: CouncilSeat[];
  present: string[];
  recused: string[];
}
export interface QuorumResult {
  /** Members who count for this nomination's vote (the secretary never votes). */
  base: number;
  presentCounted: number;
  required: number;
  chairPresent: boolean;
  met: boolean;
}

/** The secretary keeps the minutes and does not vote (national practice). */
export const votingSeats = (members: CouncilSeat[]) => members.filter((m) => m.role !== 'secretary');

/** Quorum for one nomination: recused members leave the base when the rules say so, and never count as present. */
export function checkQuorum({ rules, members, present, recused }: QuorumInput): QuorumResult {
  const recusedSet = new Set(recused);
  const presentSet = new Set(present);
  const voting = votingSeats(members);
  const baseSeats = rules.excludeRecusedFromBase ? voting.filter((m) => !recusedSet.has(m.id)) : voting;
  const counted = voting.filter((m) => presentSet.has(m.id) && !recusedSet.has(m.id));
  const required = atLeast(rules.quorumRatio, baseSeats.length);
  const chairPresent = counted.some((m) => m.role === 'chair' || m.role === 'vice_chair');
  const met = baseSeats.length > 0 && counted.length >= required && (!rules.chairRequired || chairPresent);
  return { base: baseSeats.length, presentCounted: counted.length, required, chairPresent, met };
}

export interface BallotTally {
  quorum: QuorumResult;
  yes: number;
  no: number;
  abstain: number;
  yesRequired: number;
  passed: boolean;
}

/** A yes/no ballot: passes with quorum and yes ≥ passRatio of the base (all members, or those present). */
export function tallyBallots(input: QuorumInput & { ballots: Array<'yes' | 'no' | 'abstain'> }): BallotTally {
  const quorum = checkQuorum(input);
  const count = (c: string) => input.ballots.filter((b) => b === c).length;
  const yes = count('yes');
  const denominator = input.rules.passBase === 'all_members' ? quorum.base : quorum.presentCounted;
  const yesRequired = Math.max(1, atLeast(input.rules.passRatio, denominator));
  return { quorum, yes, no: count('no'), abstain: count('abstain'), yesRequired, passed: quorum.met && yes >= yesRequired };
}

/** One member's sheet on a 0–100 scale: each criterion normalised to its scale, weighted. */
export function weightedScore(criteria: AwardCriterion[], scores: Record<string, number>): number {
  const totalWeight = criteria.reduce((s, c) => s + c.weight, 0);
  if (totalWeight <= 0) return 0;
  const sum = criteria.reduce((s, c) => {
    const v = Math.min(c.max, Math.max(c.min, scores[c.code] ?? c.min));
    return s + (c.weight * (v - c.min)) / (c.max - c.min || 1);
  }, 0);
  return Math.round((sum / totalWeight) * 10_000) / 100;
}

export interface ScoreTally {
  quorum: QuorumResult;
  sheets: number;
  mean: number;
  threshold: number;
  passed: boolean;
}

/** Mean of the counted sheets (present, not recused) against the threshold; quorum applies as for ballots. */
export function tallyScores(
  input: QuorumInput & { criteria: AwardCriterion[]; threshold: number; sheets: Record<string, number>[] },
): ScoreTally {
  const quorum = checkQuorum(input);
  const values = input.sheets.map((s) => weightedScore(input.criteria, s));
  const mean = values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : 0;
  return {
    quorum,
    sheets: values.length,
    mean,
    threshold: input.threshold,
    passed: quorum.met && values.length > 0 && mean >= input.threshold,
  };
}
