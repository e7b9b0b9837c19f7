import type { AwardNominationDocumentRow } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import type { DocumentStore } from '../consultations/document-store.js';
import type { AwardsCore } from './awards-core.js';
import { awardsErrors } from './awards.errors.js';
import type { NominationsService } from './nominations.service.js';

const view = (d: AwardNominationDocumentRow) => ({
  id: d.id,
  name: d.name,
  version: d.version,
  mime: d.mime,
  size: d.size,
  sha256: d.sha256,
  createdAt: d.createdAt.toISOString(),
});

/**
 * The nomination dossier, in the consultation document store (type from the bytes: PDF, DOCX,
 * XLSX, JPEG, PNG; ≤ 20 MB; random keys). The nominator adds files while the nomination is a
 * draft or submitted; the nominator, nominees, the secretariat and council members not recused read them.
 */
export function createNominationDocumentsService(core: AwardsCore, noms: NominationsService, store: DocumentStore) {
  const { repo, deps } = core;

  async function readable(ctx: RequestContext, nominationId: string) {
    const { nomination } = await core.loadNomination(nominationId);
    const a = await noms.access(ctx, nomination);
    if (a.recused && !a.officer && !a.nominator && !a.nominee) throw awardsErrors.recused();
    return { nomination, a };
  }

  return {
    async list(ctx: RequestContext, nominationId: string) {
      await readable(ctx, nominationId);
      return { items: (await repo.documents(nominationId)).map(view) };
    },

    async upload(ctx: RequestContext, nominationId: string, file: { filename: string; bytes: Buffer }) {
      const { nomination } = await core.loadNomination(nominationId);
      const a = await noms.access(ctx, nomination);
      const actor = ctx.actor!;
      if (!a.nominator && !a.officer) throw awardsErrors.forbidden('Only the nominator adds documents');
      if (!['draft', 'submitted'].includes(nomination.status)) throw awardsErrors.badTransition(nomination.status, 'add_a_document');
      const kept = await store.keep(file);
      if (!kept) throw awardsErrors.documentType();
      return deps.db.transaction(async (tx) => {
        const row = await repo.insertDocument(tx, { nominationId, ...kept, uploadedBy: actor.userId });
        await deps.auditService.record(tx, ctx, {
          action: 'award_nomination.document_added',
          targetType: 'award_nomination',
          targetId: nominationId,
          details: { documentId: row.id, name: kept.name, version: row.version, sha256: kept.sha256 },
        });
        return view(row);
      });
    },

    async open(ctx: RequestContext, nominationId: string, documentId: string) {
      await readable(ctx, nominationId);
      const doc = await repo.document(nominationId, documentId);
      if (!doc) throw awardsErrors.documentNotFound();
      return { doc: view(doc), stream: store.open(doc.storageKey) };
    },
  };
}
export type NominationDocumentsService = ReturnType<typeof createNominationDocumentsService>;
