import { randomBytes, randomUUID } from 'node:crypto';
import { systemContext } from '../../app/request-context.js';
import { PRIVACY_NOTICE_VERSION } from '../auth/auth.schemas.js';
import type { AuthRepository } from '../auth/auth.repository.js';
import { hashPassword } from '../auth/passwords.js';
import type { OrganisationsRepository } from '../organisations/organisations.repository.js';
import type { UsersRepository } from '../users/users.repository.js';
import { defaultVisibility } from '../profiles/profiles.schemas.js';
import { contentToColumns } from '../profiles/profile-document.js';
import { profileChanged } from '../outbox/outbox.events.js';
import { demoAccounts, demoExpertProfile, demoOrganisations } from './demo-data.js';
import { insertSyntheticProfiles, type SyntheticSeedDeps } from './synthetic-seed.js';

/** What the demo seed writes through: each module's own repository or service, built by the composition root. */
export interface DemoSeedDeps extends SyntheticSeedDeps {
  organisationsRepository: OrganisationsRepository;
  usersRepository: UsersRepository;
  authRepository: AuthRepository;
}

const SEED_KEY = 'demo_seed';

export interface DemoSeedResult {
  seeded: boolean;
  accounts: Array<{ email: string; role: string }>;
  /** Present only when this run created the accounts. */
  password?: string;
}

/**
 * Seeds organisations and one account per role, once per database. Idempotent: a second run
 * (or a restart) finds the marker and does nothing.
 */
export async function seedDemo(
  deps: DemoSeedDeps,
  options: {
    password?: string | undefined;
    /** Generated, unclaimed expert profiles to add (npm start: a few hundred). */ syntheticProfiles?: number;
  },
): Promise<DemoSeedResult> {
  const {
    db,
    seedRepository,
    organisationsRepository,
    usersRepository,
    authRepository,
    auditService,
    profilesRepository,
    outboxRepository,
  } = deps;
  const accounts = demoAccounts.map((a) => ({ email: a.email, role: a.role }));
  if (await seedRepository.getMeta(SEED_KEY)) return { seeded: false, accounts };

  const password = options.password ?? randomBytes(9).toString('base64url');
  const passwordHash = await hashPassword(password);

  await db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const org of demoOrganisations) {
      const existing = await organisationsRepository.findByCode(org.code, tx);
      const parentId = org.parent ? (ids.get(org.parent) ?? null) : null;
      const row =
        existing ??
        (await organisationsRepository.insert(tx, { code: org.code, kind: org.kind, nameVi: org.nameVi, nameEn: org.nameEn, parentId }));
      ids.set(org.code, row.id);
    }
    const now = new Date();
    for (const account of demoAccounts) {
      const user = await usersRepository.insert(tx, {
        email: account.email,
        fullName: account.fullName,
        role: account.role,
        organisationId: account.organisation ? (ids.get(account.organisation) ?? null) : null,
        passwordHash,
        passwordChangedAt: now,
        emailVerifiedAt: now,
        status: 'active',
      });
      if (user) {
        await authRepository.insertConsent(tx, {
          userId: user.id,
          purpose: 'privacy_notice',
          noticeVersion: PRIVACY_NOTICE_VERSION,
          action: 'granted',
          userAgent: 'demo seed',
        });
      }
      if (user && account.role === 'expert') {
        const content = { ...demoExpertProfile, ...withIds(demoExpertProfile) };
        const profile = await profilesRepository.insert(tx, {
          ...contentToColumns(content),
          userId: user.id,
          visibility: defaultVisibility,
          createdBy: user.id,
          claimedAt: now,
        });
        await outboxRepository.enqueue(tx, profileChanged(profile.id));
      }
    }
    await seedRepository.setMeta(tx, SEED_KEY, { at: now.toISOString() });
    await auditService.record(tx, systemContext, {
      action: 'system.demo_seeded',
      targetType: 'system',
      details: { organisations: ids.size, accounts: demoAccounts.length },
    });
  });
  if (options.syntheticProfiles)
    await insertSyntheticProfiles(deps, { count: options.syntheticProfiles, seed: 2026, enqueueForSearch: true });
  return { seeded: true, accounts, password };
}

/** List items get ids on first save; the seed writes directly, so it gives them here. */
function withIds(content: typeof demoExpertProfile) {
  const give = <T extends { id?: string | undefined }>(items: T[]) => items.map((item) => ({ ...item, id: item.id ?? randomUUID() }));
  return {
    education: give(content.education),
    positions: give(content.positions),
    publications: give(content.publications),
    patents: give(content.patents),
    projects: give(content.projects),
    awards: give(content.awards),
  };
}
