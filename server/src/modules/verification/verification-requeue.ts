import type { DbOrTx } from '@hpen/db';
import type { VerificationItemType } from '@hpen/db/enums';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { VerificationRepository } from './verification.repository.js';

export type ChangedItem = { type: VerificationItemType; itemId: string | null; snapshot: Record<string, unknown> };

/** A changed item's request is superseded by a new pending one with the new content and the same evidence (audited). */
export function createRequeue(deps: { verificationRepository: VerificationRepository; auditService: AuditService; clock: () => Date }) {
  const { verificationRepository: repo, auditService, clock } = deps;
  return async (tx: DbOrTx, ctx: RequestContext, profileId: string, changed: ChangedItem[]) => {
    for (const item of changed) {
      const previous = await repo.findOpen(tx, profileId, item.type, item.itemId);
      if (!previous) continue;
      await repo.updateRequest(tx, previous.id, { status: 'superseded', updatedAt: clock() });
      const next = await repo.insertRequest(tx, {
        profileId,
        itemType: item.type,
        itemId: item.itemId,
        snapshot: item.snapshot,
        associationId: previous.associationId,
        note: previous.note,
        previousId: previous.id,
      });
      await repo.copyFiles(tx, previous.id, next.id);
      await auditService.record(tx, ctx, {
        action: 'verification.requeued',
        targetType: 'verification',
        targetId: next.id,
        details: { profileId, previous: previous.id, itemType: item.type },
      });
    }
  };
}
