import type { Database, DbOrTx } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import { forbidden } from '../../app/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ActionLinks } from '../auth/action-links.js';
import { authErrors } from '../auth/auth.errors.js';
import type { MailMessage } from '../mail/mail.service.js';
import { claimProfileMail } from '../mail/mail.templates.js';
import { profileChanged } from '../outbox/outbox.events.js';
import type { OutboxRepository } from '../outbox/outbox.repository.js';
import type { UsersRepository } from '../users/users.repository.js';
import type { ProfilesRepository } from './profiles.repository.js';
import { profilesErrors } from './profiles.errors.js';
import { toOwnProfile } from './profiles.service.js';

interface Deps {
  db: Database;
  profilesRepository: ProfilesRepository;
  usersRepository: UsersRepository;
  actionLinks: ActionLinks;
  auditService: AuditService;
  outboxRepository: OutboxRepository;
  sendMail: (message: MailMessage) => Promise<void>;
  /** Records the claimant's consent with method import_claim (the privacy module's consent gate). */
  recordImportClaim: (tx: DbOrTx, ctx: RequestContext, userId: string, evidence: Record<string, unknown>) => Promise<void>;
  clock?: () => Date;
}

/** "n***@example.vn": enough to recognise one's own address, not enough to harvest it. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

const CLAIMER_PERIOD_MS = 3600_000;
const DAY_MS = 24 * 3600_000;
const MAX_PER_PROFILE_PER_DAY = 5;

/**
 * A profile created by someone else (a curator's import) is claimed by whoever proves the
 * e-mail on it: the link goes to that address and only works for the account that asked.
 */
export function createProfileClaimsService(deps: Deps) {
  const { db, profilesRepository, usersRepository, actionLinks, auditService, outboxRepository } = deps;
  const clock = deps.clock ?? (() => new Date());

  function expertActor(ctx: RequestContext) {
    if (!ctx.actor || ctx.actor.role !== 'expert') throw forbidden('Only expert accounts can claim a profile');
    return ctx.actor;
  }

  async function claimMailsExhausted(userId: string, profileId: string, now: Date): Promise<boolean> {
    const byClaimer = await actionLinks.countSince('claim_profile', new Date(now.getTime() - CLAIMER_PERIOD_MS), {
      userId,
      subjectId: profileId,
    });
    if (byClaimer > 0) return true;
    const byProfile = await actionLinks.countSince('claim_profile', new Date(now.getTime() - DAY_MS), { subjectId: profileId });
    return byProfile >= MAX_PER_PROFILE_PER_DAY;
  }

  return {
    /** Unclaimed profiles whose e-mail is this account's own (already proven at sign-up). */
    async listClaimable(ctx: RequestContext) {
      const actor = expertActor(ctx);
      const user = await usersRepository.findById(actor.userId);
      if (!user) return [];
      const rows = await profilesRepository.findUnclaimedByContactEmail(user.email);
      return rows.map((r) => ({ id: r.id, fullName: r.fullName, contactEmail: maskEmail(r.contactEmail ?? '') }));
    },

    /**
     * Answers the same whatever the profile holds (never its e-mail or domain), and mails at most
     * once per claimer and profile an hour, and a few times a day per profile, so it cannot be used
     * to probe for private addresses or to flood one.
     */
    async requestClaim(ctx: RequestContext, profileId: string): Promise<{ ok: true }> {
      const actor = expertActor(ctx);
      const [profile, user] = await Promise.all([profilesRepository.findById(profileId), usersRepository.findById(actor.userId)]);
      if (!profile || !user) throw profilesErrors.notFound();
      if (profile.userId) throw profilesErrors.alreadyClaimed();
      const now = clock();
      const email = profile.contactEmail;
      if (!email || (await claimMailsExhausted(actor.userId, profile.id, now))) return { ok: true };
      const link = await db.transaction(async (tx) => {
        const issued = await actionLinks.issue(tx, actor.userId, 'claim_profile', now, profile.id);
        await auditService.record(tx, ctx, { action: 'profile.claim_requested', targetType: 'expert_profile', targetId: profile.id });
        return issued;
      });
      await deps.sendMail(claimProfileMail({ to: email, name: profile.fullName, link, locale: user.locale, claimant: user.email }));
      return { ok: true };
    },

    async confirmClaim(ctx: RequestContext, token: string) {
      const actor = expertActor(ctx);
      const now = clock();
      return db.transaction(async (tx) => {
        const used = await actionLinks.consumeWithSubject(tx, token, 'claim_profile', now);
        if (!used?.subjectId || used.userId !== actor.userId) throw authErrors.tokenInvalid();
        const profile = await profilesRepository.findById(used.subjectId, tx);
        if (!profile || profile.userId) throw profilesErrors.alreadyClaimed();
        const own = await profilesRepository.findByUserId(actor.userId, tx);
        if (own && own.version > 1) {
          throw profilesErrors.claimNeedsMerge();
        }
        if (own) {
          await profilesRepository.delete(tx, own.id);
          await auditService.record(tx, ctx, {
            action: 'profile.replaced_by_claim',
            targetType: 'expert_profile',
            targetId: own.id,
            details: { claimed: profile.id },
          });
          await outboxRepository.enqueue(tx, { topic: 'profile.deleted', aggregateType: 'expert_profile', aggregateId: own.id });
        }
        const claimed = await profilesRepository.saveVersion(
          tx,
          profile,
          { userId: actor.userId, claimedAt: now },
          {
            actorUserId: actor.userId,
            actorRole: actor.role,
            changes: [{ field: 'claimed', before: false, after: true }],
          },
        );
        await auditService.record(tx, ctx, { action: 'profile.claimed', targetType: 'expert_profile', targetId: profile.id });
        await deps.recordImportClaim(tx, ctx, actor.userId, {
          profileId: profile.id,
          claimLink: 'e-mailed to the profile’s contact address',
          requestId: ctx.requestId,
        });
        await outboxRepository.enqueue(tx, profileChanged(profile.id));
        return toOwnProfile(claimed);
      });
    },
  };
}
export type ProfileClaimsService = ReturnType<typeof createProfileClaimsService>;
