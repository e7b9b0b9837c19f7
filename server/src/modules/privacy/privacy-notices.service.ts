import type { Database, DbOrTx, PrivacyNoticeRow } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import { forbidden } from '../../app/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ConsentsService } from './consents.service.js';
import { DEFAULT_PRIVACY_NOTICE } from './privacy-notice.data.js';
import { privacyErrors } from './privacy.errors.js';
import type { PrivacyRepository } from './privacy.repository.js';
import { type PrivacyNoticeContent, privacyNoticeContentSchema } from './privacy.schemas.js';

/** The purpose under which reading a notice version is recorded (sign-up and each re-review). */
export const NOTICE_PURPOSE = 'privacy_notice';

const toVersion = (row: PrivacyNoticeRow) => ({
  version: row.version,
  publishedAt: row.publishedAt.toISOString(),
  content: privacyNoticeContentSchema.parse(row.content),
});

/** A plain-text rendering for the sign-up page's notice (the older {version, vi, en} contract). */
export function noticeAsText(content: PrivacyNoticeContent, lang: 'vi' | 'en'): string {
  const c = content[lang];
  return [c.controller, ...c.purposes.map((p) => `• ${p.text}`), c.dataCategories, c.retention, c.rights].join('\n\n');
}

/** The privacy notice as versioned data; a newer version than the one an expert read asks for a review at sign-in. */
export function createPrivacyNoticesService(deps: {
  db: Database;
  privacyRepository: PrivacyRepository;
  auditService: AuditService;
  consents: () => ConsentsService;
  clock: () => Date;
}) {
  const { db, privacyRepository: repo } = deps;

  /** In the caller's transaction when given (PGlite has one connection: a query beside an open transaction waits forever). */
  async function current(tx: DbOrTx = db) {
    const row = await repo.latestNotice(tx);
    if (row) return toVersion(row);
    await repo.insertNotice(tx, { ...DEFAULT_PRIVACY_NOTICE, publishedAt: new Date(DEFAULT_PRIVACY_NOTICE.publishedAt) });
    const seeded = await repo.latestNotice(tx);
    if (!seeded) throw new Error('no privacy notice');
    return toVersion(seeded);
  }

  async function status(userId: string) {
    const notice = await current();
    const reviewed = (await repo.consentsOf(userId)).find((c) => c.purpose === NOTICE_PURPOSE && c.action === 'granted');
    return { current: notice, reviewedVersion: reviewed?.noticeVersion ?? null, needsReview: reviewed?.noticeVersion !== notice.version };
  }

  const me = (ctx: RequestContext) => {
    if (!ctx.actor) throw forbidden();
    return ctx.actor.userId;
  };

  return {
    current: () => current(),
    currentVersion: async (tx?: DbOrTx) => (await current(tx)).version,
    list: async () => (await repo.listNotices()).map(toVersion),
    status: (ctx: RequestContext) => status(me(ctx)),

    /** The expert read the current version: recorded like a consent (time, version, method, evidence). */
    async acknowledge(ctx: RequestContext) {
      const userId = me(ctx);
      const notice = await current();
      await db.transaction(async (tx) => {
        await repo.insertConsent(tx, {
          userId,
          purpose: NOTICE_PURPOSE,
          action: 'granted',
          noticeVersion: notice.version,
          method: 'web_form',
          evidence: { prompt: 'notice review at sign-in', requestId: ctx.requestId },
          ip: ctx.ip,
          userAgent: ctx.userAgent,
        });
        await deps.auditService.record(tx, ctx, {
          action: 'privacy.notice_reviewed',
          targetType: 'user',
          targetId: userId,
          details: { version: notice.version },
        });
      });
      return status(userId);
    },

    async publish(ctx: RequestContext, body: { version: string; content: PrivacyNoticeContent }) {
      return db.transaction(async (tx) => {
        const row = await repo.insertNotice(tx, { ...body, publishedAt: deps.clock(), createdBy: ctx.actor?.userId ?? null });
        if (!row) throw privacyErrors.versionExists();
        await deps.auditService.record(tx, ctx, {
          action: 'privacy.notice_published',
          targetType: 'privacy_notice',
          targetId: row.id,
          details: { version: row.version },
        });
        return toVersion(row);
      });
    },
  };
}
export type PrivacyNoticesService = ReturnType<typeof createPrivacyNoticesService>;
