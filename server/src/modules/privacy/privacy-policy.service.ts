import type { Database, DbOrTx, PrivacyPolicyRow } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import { DEFAULT_PRIVACY_POLICY } from './privacy-clock.js';
import { privacyErrors } from './privacy.errors.js';
import type { PrivacyRepository } from './privacy.repository.js';
import { type PrivacyRules, privacyRulesSchema } from './privacy.schemas.js';

export interface Policy {
  id: string;
  version: string;
  rules: PrivacyRules;
}

const toPolicy = (row: PrivacyPolicyRow): Policy => ({ id: row.id, version: row.version, rules: privacyRulesSchema.parse(row.rules) });

/** The law as data: versioned rule rows, the latest applies to new records, admins add versions. */
export function createPrivacyPolicyService(deps: { db: Database; privacyRepository: PrivacyRepository; auditService: AuditService }) {
  const { db, privacyRepository: repo } = deps;
  return {
    /** Start-up: the first version from POLICY-FACTS.md §6 when the table is empty. */
    async ensureDefault() {
      if (await repo.latestPolicy()) return;
      await repo.insertPolicy(db, { ...DEFAULT_PRIVACY_POLICY });
    },
    async current(tx: DbOrTx = db): Promise<Policy> {
      const row = await repo.latestPolicy(tx);
      if (row) return toPolicy(row);
      const inserted = (await repo.insertPolicy(tx, { ...DEFAULT_PRIVACY_POLICY })) ?? (await repo.latestPolicy(tx));
      if (!inserted) throw new Error('no privacy policy');
      return toPolicy(inserted);
    },
    async byId(id: string, tx: DbOrTx = db): Promise<Policy> {
      const row = await repo.findPolicy(id, tx);
      if (!row) throw new Error(`privacy policy ${id} vanished`);
      return toPolicy(row);
    },
    async list() {
      return (await repo.listPolicies()).map((r) => ({ ...toPolicy(r), note: r.note, createdAt: r.createdAt.toISOString() }));
    },
    async create(ctx: RequestContext, body: { version: string; rules: PrivacyRules; note?: string | undefined }) {
      return db.transaction(async (tx) => {
        const row = await repo.insertPolicy(tx, {
          version: body.version,
          rules: body.rules,
          note: body.note ?? null,
          createdBy: ctx.actor?.userId ?? null,
        });
        if (!row) throw privacyErrors.versionExists();
        await deps.auditService.record(tx, ctx, {
          action: 'privacy.policy_created',
          targetType: 'privacy_policy',
          targetId: row.id,
          details: { version: row.version },
        });
        return { ...toPolicy(row), note: row.note, createdAt: row.createdAt.toISOString() };
      });
    },
  };
}
export type PrivacyPolicyService = ReturnType<typeof createPrivacyPolicyService>;
