import type { ConsultationDocumentRow } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import type { ConsultationCore } from './consultation-core.js';
import type { Viewer } from './consultations.access.js';
import { consultationsErrors } from './consultations.errors.js';
import type { DocumentStore } from './document-store.js';

const view = (d: ConsultationDocumentRow) => ({
  id: d.id,
  name: d.name,
  version: d.version,
  mime: d.mime,
  size: d.size,
  sha256: d.sha256,
  createdAt: d.createdAt.toISOString(),
});

/** Staff of both parties, and members once they accepted (not while merely invited), read the dossier. */
function ensureCanRead(v: Viewer) {
  if (!v.requester && !v.organiser && v.member?.status !== 'accepted')
    throw consultationsErrors.forbidden('The documents open once you accept the invitation');
}

/** The case dossier: uploads by the requester or organiser, versioned by name, read under the case's access rules. */
export function createConsultationDocumentsService({ core, store }: { core: ConsultationCore; store: DocumentStore }) {
  const { repo, deps } = core;
  return {
    async list(ctx: RequestContext, id: string) {
      const { v } = await core.load(ctx, id);
      ensureCanRead(v);
      return { items: (await repo.documents(id)).map(view) };
    },

    async upload(ctx: RequestContext, id: string, file: { filename: string; bytes: Buffer }) {
      const { c, v } = await core.load(ctx, id);
      if (!v.requester && !v.organiser) throw consultationsErrors.forbidden('The requesting agency or the organiser adds documents');
      if (c.status === 'closed' || c.status === 'cancelled') throw consultationsErrors.badTransition(c.status, 'add a document');
      const kept = await store.keep(file);
      if (!kept) throw consultationsErrors.documentType();
      return deps.db.transaction(async (tx) => {
        const row = await repo.insertDocument(tx, { consultationId: id, ...kept, uploadedBy: ctx.actor!.userId });
        await deps.auditService.record(tx, ctx, {
          action: 'consultation.document_added',
          targetType: 'consultation',
          targetId: id,
          details: { documentId: row.id, name: kept.name, version: row.version, sha256: kept.sha256 },
        });
        return view(row);
      });
    },

    async open(ctx: RequestContext, id: string, documentId: string) {
      const { v } = await core.load(ctx, id);
      ensureCanRead(v);
      const doc = await repo.document(id, documentId);
      if (!doc) throw consultationsErrors.notFound();
      return { doc: view(doc), stream: store.open(doc.storageKey) };
    },
  };
}
export type ConsultationDocumentsService = ReturnType<typeof createConsultationDocumentsService>;
