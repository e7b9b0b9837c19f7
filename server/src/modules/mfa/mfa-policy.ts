import type { Database } from '@hpen/db';
import type { Role } from '@hpen/db/enums';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { MfaRepository } from './mfa.repository.js';
import { type MfaPolicy, mfaPolicySchema } from './mfa.schemas.js';

const SETTING_KEY = 'mfa.required_roles';
/** Other instances see a change within this time; this one sees it at once. */
const CACHE_MS = 10_000;

interface Deps {
  db: Database;
  mfaRepository: MfaRepository;
  auditService: AuditService;
  clock?: () => Date;
}

/** Which roles must use a second factor: admins always, other staff roles as an admin stored it. */
export function createMfaPolicy(deps: Deps) {
  const clock = deps.clock ?? (() => new Date());
  let cached: { policy: MfaPolicy; at: number } | null = null;

  async function read(): Promise<MfaPolicy> {
    const now = clock().getTime();
    if (cached && now - cached.at < CACHE_MS) return cached.policy;
    const parsed = mfaPolicySchema.safeParse({ requiredRoles: (await deps.mfaRepository.readSetting(SETTING_KEY)) ?? [] });
    const policy = parsed.success ? parsed.data : { requiredRoles: [] };
    cached = { policy, at: now };
    return policy;
  }

  return {
    read,

    async isRequiredFor(role: Role): Promise<boolean> {
      if (role === 'admin') return true;
      if (role === 'expert') return false;
      return (await read()).requiredRoles.includes(role);
    },

    async update(ctx: RequestContext, policy: MfaPolicy): Promise<MfaPolicy> {
      const before = await read();
      const requiredRoles = [...new Set(policy.requiredRoles)].sort();
      await deps.db.transaction(async (tx) => {
        await deps.mfaRepository.writeSetting(tx, SETTING_KEY, requiredRoles, ctx.actor?.userId ?? null);
        await deps.auditService.record(tx, ctx, {
          action: 'settings.mfa_policy_updated',
          targetType: 'setting',
          targetId: SETTING_KEY,
          details: { before: before.requiredRoles, after: requiredRoles },
        });
      });
      cached = null;
      return { requiredRoles };
    },
  };
}
export type MfaPolicyService = ReturnType<typeof createMfaPolicy>;
