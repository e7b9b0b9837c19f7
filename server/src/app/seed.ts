import type { Database } from '@hpen/db';
import { createAuditRepository } from '../modules/audit/audit.repository.js';
import { createAuditService } from '../modules/audit/audit.service.js';
import { createAuthRepository } from '../modules/auth/auth.repository.js';
import { createOrganisationsRepository } from '../modules/organisations/organisations.repository.js';
import { createOutboxRepository } from '../modules/outbox/outbox.repository.js';
import { createProfilesRepository } from '../modules/profiles/profiles.repository.js';
import { type DemoSeedResult, seedDemo as runDemoSeed } from '../modules/seed/demo-seed.js';
import { createSeedRepository } from '../modules/seed/seed.repository.js';
import { insertSyntheticProfiles as runSyntheticSeed, type InsertSyntheticOptions } from '../modules/seed/synthetic-seed.js';
import { createUsersRepository } from '../modules/users/users.repository.js';

/** The seed's part of the composition root: the repositories it writes through, built on one database handle. */
function seedDeps(db: Database) {
  return {
    db,
    seedRepository: createSeedRepository({ db }),
    organisationsRepository: createOrganisationsRepository({ db }),
    usersRepository: createUsersRepository({ db }),
    authRepository: createAuthRepository({ db }),
    profilesRepository: createProfilesRepository({ db }),
    // The seed writes outbox rows inside its own transactions, so the repository needs no handle.
    outboxRepository: createOutboxRepository(),
    auditService: createAuditService({ auditRepository: createAuditRepository({ db }) }),
  };
}

export const seedDemo = (db: Database, options: Parameters<typeof runDemoSeed>[1]): Promise<DemoSeedResult> =>
  runDemoSeed(seedDeps(db), options);

export const insertSyntheticProfiles = (db: Database, options: InsertSyntheticOptions) => runSyntheticSeed(seedDeps(db), options);

export const currentFieldCodes = (db: Database) => createSeedRepository({ db }).currentFieldCodes();
