/** Events that services write to the outbox in their own transaction; the search relay delivers them after commit. */
export interface OutboxEvent {
  topic: string;
  aggregateType: string;
  aggregateId: string;
  payload?: Record<string, unknown>;
}

/** "This profile changed": the search relay rebuilds its documents from the row as it is now. */
export const profileChanged = (profileId: string): OutboxEvent => ({
  topic: 'profile.changed',
  aggregateType: 'expert_profile',
  aggregateId: profileId,
});
