import type { Database, DbOrTx } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import { systemContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { OutboxRepository } from '../outbox/outbox.repository.js';
import type { ProfilesService } from '../profiles/profiles.service.js';
import type { Scheduler } from '../scheduler/scheduler.service.js';
import type { UsersRepository } from '../users/users.repository.js';
import { BREACH_REMINDER_JOB, createBreachesService } from './breaches.service.js';
import { createConsentsService } from './consents.service.js';
import { REQUEST_REMINDER_JOB, createDataRequestsService } from './data-requests.service.js';
import { createPrivacyNoticesService } from './privacy-notices.service.js';
import { createPrivacyPolicyService } from './privacy-policy.service.js';
import { createPrivacyRepository } from './privacy.repository.js';
import type { ConsentPurpose, DataRequestType } from './privacy.schemas.js';
import { createPrivacyOfficersService } from './privacy-officers.service.js';
import { RETENTION_EXPIRE_JOB, RETENTION_SCAN_JOB, createRetentionService } from './retention.service.js';

export type WorkflowConsentState = 'granted' | 'withdrawn' | 'never' | 'no_account';
/**
 * The later purposes of Law 91/2025 enforced in the workflows: consultation invitations, program
 * assessment, award nomination. A workflow reads the owner's state per profile and may record a
 * consent the person gives inside its own form (method web_form, the form as evidence).
 */
export interface ConsentGate {
  statesOfProfiles(
    profileIds: string[],
    purpose: ConsentPurpose,
    tx?: DbOrTx,
  ): Promise<Map<string, { userId: string | null; state: WorkflowConsentState }>>;
  grantInFlow(tx: DbOrTx, ctx: RequestContext, userId: string, purpose: ConsentPurpose, evidence: Record<string, unknown>): Promise<void>;
  /**
   * A profile made from an import (an association's member list) is claimed: the claimant's
   * consent to keep it in the registry is recorded with method import_claim (always a new record,
   * even if the account consented at sign-up: it is the evidence for the imported data).
   */
  recordImportClaim(tx: DbOrTx, ctx: RequestContext, userId: string, evidence: Record<string, unknown>): Promise<void>;
}

/**
 * The consent side needs only the database, audit and outbox, so auth (sign-up) can use it; the
 * request, breach and retention sides need notifications and the scheduler, built later.
 */
export function createConsentsSide(deps: {
  db: Database;
  auditService: AuditService;
  outboxRepository: OutboxRepository;
  clock: () => Date;
}) {
  const privacyRepository = createPrivacyRepository({ db: deps.db });
  const policyService = createPrivacyPolicyService({ db: deps.db, privacyRepository, auditService: deps.auditService });
  let selfServiceLog:
    | ((
        tx: DbOrTx,
        ctx: RequestContext,
        input: { userId: string; type: DataRequestType; purpose?: string; details: string },
      ) => Promise<void>)
    | null = null;
  const consentsService = createConsentsService({
    ...deps,
    privacyRepository,
    currentNoticeVersion: () => noticesService.currentVersion(),
    logSelfService: (tx, ctx, input) => {
      if (!selfServiceLog) throw new Error('privacy module not complete');
      return selfServiceLog(tx, ctx, input);
    },
  });
  const noticesService = createPrivacyNoticesService({ ...deps, privacyRepository, consents: () => consentsService });

  /** Sign-up: the required purpose plus the optional ones the person ticked (never pre-ticked), and the notice read. */
  async function recordSignUp(tx: DbOrTx, ctx: RequestContext, userId: string, optional: readonly ConsentPurpose[]) {
    const noticeVersion = await noticesService.currentVersion(tx);
    const evidence = { form: '/sign-up', requestId: ctx.requestId, ticked: optional };
    await privacyRepository.insertConsent(tx, {
      userId,
      purpose: 'privacy_notice',
      action: 'granted',
      noticeVersion,
      method: 'sign_up',
      evidence,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    for (const purpose of new Set<ConsentPurpose>(['registry_profile', ...optional]))
      await consentsService.record(tx, ctx, userId, { purpose, action: 'granted', noticeVersion, method: 'sign_up', evidence });
    await privacyRepository.setProfileConsentFlags(tx, userId, {
      publicationConsent: optional.includes('public_profile'),
      agencySharingConsent: optional.includes('share_with_agencies'),
    });
  }

  /** What workflows (consultations, programs, awards) ask of the consents: see ConsentGate. */
  const consentGate: ConsentGate = {
    async statesOfProfiles(profileIds, purpose, tx) {
      const rows = await privacyRepository.profileConsents([...new Set(profileIds)], purpose, tx);
      return new Map(rows.map((r) => [r.profileId, { userId: r.userId, state: r.userId ? (r.action ?? 'never') : 'no_account' }]));
    },
    async grantInFlow(tx, ctx, userId, purpose, evidence) {
      const noticeVersion = await noticesService.currentVersion(tx);
      await consentsService.record(tx, ctx, userId, { purpose, action: 'granted', noticeVersion, method: 'web_form', evidence });
    },
    async recordImportClaim(tx, ctx, userId, evidence) {
      await privacyRepository.insertConsent(tx, {
        userId,
        purpose: 'registry_profile',
        action: 'granted',
        noticeVersion: await noticesService.currentVersion(tx),
        method: 'import_claim',
        evidence,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
      });
    },
  };

  return {
    privacyRepository,
    policyService,
    consentsService,
    noticesService,
    consentGate,
    officersService: createPrivacyOfficersService({ db: deps.db, privacyRepository, auditService: deps.auditService }),
    recordSignUp,
    complete(rest: {
      notificationsService: NotificationsService;
      scheduler: Scheduler;
      profilesService: Pick<ProfilesService, 'setListedForUser'>;
      usersRepository: UsersRepository;
    }) {
      const shared = { db: deps.db, privacyRepository, policyService, auditService: deps.auditService, clock: deps.clock, ...rest };
      const dataRequestsService = createDataRequestsService(shared);
      selfServiceLog = dataRequestsService.logSelfService;
      const breachesService = createBreachesService(shared);
      const retentionService = createRetentionService(shared);
      rest.scheduler.register(REQUEST_REMINDER_JOB, (job) => dataRequestsService.remind(job));
      rest.scheduler.register(BREACH_REMINDER_JOB, (job) => breachesService.remind(job));
      rest.scheduler.register(RETENTION_EXPIRE_JOB, (job) => retentionService.expire(job));
      rest.scheduler.register(RETENTION_SCAN_JOB, async () => {
        await retentionService.scan();
        await retentionService.ensureScheduled();
      });
      return {
        dataRequestsService,
        breachesService,
        retentionService,
        /** Start-up: the first policy and notice versions, the consent backfill, the daily retention scan. */
        async start() {
          await policyService.ensureDefault();
          const version = await noticesService.currentVersion();
          await consentsService.backfill(systemContext, version, deps.clock());
          await retentionService.ensureScheduled();
        },
      };
    },
  };
}
export type ConsentsSide = ReturnType<typeof createConsentsSide>;
export type PrivacyModule = ReturnType<ConsentsSide['complete']> & Omit<ConsentsSide, 'complete'>;
