import type { Database, DbOrTx } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import { forbidden } from '../../app/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { OutboxRepository } from '../outbox/outbox.repository.js';
import { profileChanged } from '../outbox/outbox.events.js';
import { privacyErrors } from './privacy.errors.js';
import type { ConsentRow, PrivacyRepository } from './privacy.repository.js';
import { type ConsentEvent, type ConsentPurpose, type ConsentState, consentPurposes, requiredConsentPurposes } from './privacy.schemas.js';

export interface ConsentChange {
  purpose: ConsentPurpose;
  action: 'granted' | 'withdrawn';
  noticeVersion: string;
  method: string;
  evidence?: Record<string, unknown>;
}

interface Deps {
  db: Database;
  privacyRepository: PrivacyRepository;
  auditService: AuditService;
  outboxRepository: OutboxRepository;
  currentNoticeVersion: () => Promise<string>;
  /** Logs a self-service withdrawal as a fulfilled data-subject request (same transaction). */
  logSelfService: (
    tx: DbOrTx,
    ctx: RequestContext,
    input: { userId: string; type: 'withdrawal'; purpose: ConsentPurpose; details: string },
  ) => Promise<void>;
}

const toEvent = (c: ConsentRow): ConsentEvent => ({
  id: c.id,
  purpose: c.purpose,
  action: c.action,
  noticeVersion: c.noticeVersion,
  method: c.method,
  evidence: c.evidence,
  createdAt: c.createdAt.toISOString(),
  ip: c.ip,
  userAgent: c.userAgent,
});

/** What a purpose's consent changes on the profile row that the one projection reads. */
const PROFILE_FLAG: Partial<Record<ConsentPurpose, 'publicationConsent' | 'agencySharingConsent'>> = {
  public_profile: 'publicationConsent',
  share_with_agencies: 'agencySharingConsent',
};

/**
 * Consent per purpose (Law 91/2025 Art. 9; Decree 356/2025: no default "agree", verifiable,
 * evidence kept). Append-only records; the latest per purpose is the state. Publication and
 * agency sharing take effect at once: the profile's flag changes and the outbox re-indexes it.
 */
export function createConsentsService(deps: Deps) {
  const { db, privacyRepository: repo, auditService, outboxRepository } = deps;

  const me = (ctx: RequestContext) => {
    if (!ctx.actor) throw forbidden();
    return ctx.actor.userId;
  };

  function statesOf(rows: ConsentRow[]): ConsentState[] {
    return consentPurposes.map((purpose) => {
      const history = rows.filter((r) => r.purpose === purpose).map(toEvent);
      const latest = history[0];
      return {
        purpose,
        required: requiredConsentPurposes.includes(purpose),
        state: latest?.action ?? 'never',
        noticeVersion: latest?.noticeVersion ?? null,
        changedAt: latest?.createdAt ?? null,
        history,
      };
    });
  }

  /** Records one change and applies its effect, in the caller's transaction. No-op when nothing changes. */
  async function record(tx: DbOrTx, ctx: RequestContext, userId: string, change: ConsentChange): Promise<boolean> {
    const [latest] = (await repo.consentsOf(userId, tx)).filter((r) => r.purpose === change.purpose);
    if (latest?.action === change.action && latest.noticeVersion === change.noticeVersion) return false;
    await repo.insertConsent(tx, {
      userId,
      purpose: change.purpose,
      action: change.action,
      noticeVersion: change.noticeVersion,
      method: change.method,
      evidence: change.evidence ?? {},
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    const flag = PROFILE_FLAG[change.purpose];
    let profileId: string | null = null;
    if (flag) {
      profileId = await repo.setProfileConsentFlags(tx, userId, { [flag]: change.action === 'granted' });
      if (profileId) await outboxRepository.enqueue(tx, profileChanged(profileId));
    }
    await auditService.record(tx, ctx, {
      action: change.action === 'granted' ? 'consent.granted' : 'consent.withdrawn',
      targetType: 'user',
      targetId: userId,
      details: { purpose: change.purpose, noticeVersion: change.noticeVersion, method: change.method, profileId },
    });
    return true;
  }

  return {
    record,
    statesOf,

    async list(ctx: RequestContext): Promise<ConsentState[]> {
      return statesOf(await repo.consentsOf(me(ctx)));
    },

    async change(
      ctx: RequestContext,
      purpose: ConsentPurpose,
      action: 'granted' | 'withdrawn',
      noticeVersion?: string,
    ): Promise<ConsentState[]> {
      const userId = me(ctx);
      if (action === 'withdrawn' && requiredConsentPurposes.includes(purpose)) throw privacyErrors.requiredConsent();
      const version = noticeVersion ?? (await deps.currentNoticeVersion());
      await db.transaction(async (tx) => {
        const changed = await record(tx, ctx, userId, {
          purpose,
          action,
          noticeVersion: version,
          method: 'web_form',
          evidence: { form: `/account/privacy`, requestId: ctx.requestId, sessionId: ctx.actor?.sessionId ?? null },
        });
        if (changed && action === 'withdrawn')
          await deps.logSelfService(tx, ctx, { userId, type: 'withdrawal', purpose, details: `Withdrew consent: ${purpose}` });
      });
      return statesOf(await repo.consentsOf(userId));
    },

    /**
     * Existing users get consent rows from their current settings, once (method "backfill"):
     * the account (registry_profile), publication while listed (an unlisted profile stays
     * unpublished until its owner consents), agency sharing as the sections were already shared.
     * Only users without a registry_profile row, which every sign-up now writes: idempotent.
     */
    async backfill(ctx: RequestContext, noticeVersion: string, now: Date): Promise<number> {
      const pending = await repo.usersWithoutConsent('registry_profile');
      for (const u of pending) {
        await db.transaction(async (tx) => {
          const grant = (purpose: ConsentPurpose) =>
            repo.insertConsent(tx, {
              userId: u.userId,
              purpose,
              action: 'granted',
              noticeVersion,
              method: 'backfill',
              evidence: { basis: 'account and publication settings before consent records per purpose', at: now.toISOString() },
              ip: null,
              userAgent: ctx.userAgent,
            });
          await grant('registry_profile');
          if (!u.hasProfile) return;
          if (u.listed) await grant('public_profile');
          else await repo.setProfileConsentFlags(tx, u.userId, { publicationConsent: false });
          await grant('share_with_agencies');
        });
      }
      return pending.length;
    },
  };
}
export type ConsentsService = ReturnType<typeof createConsentsService>;
