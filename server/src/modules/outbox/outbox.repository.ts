import { type DbOrTx, outbox } from '@hpen/db';

export interface OutboxEvent {
  topic: string;
  aggregateType: string;
  aggregateId: string;
  payload?: Record<string, unknown>;
}

/** Services enqueue in their own transaction; the search relay delivers after commit. */
export function createOutboxRepository() {
  return {
    async enqueue(tx: DbOrTx, event: OutboxEvent) {
      await tx.insert(outbox).values({ ...event, payload: event.payload ?? {} });
    },
  };
}
export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
