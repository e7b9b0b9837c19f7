import { type DbOrTx, evidenceFiles, verificationRequests } from '@hpen/db';
import { eq } from 'drizzle-orm';

/** What erasure must find beyond the rows that cascade: files on disk named in the database. */
export function createDataRightsRepository() {
  return {
    /** Storage keys of every evidence file uploaded for this profile's verification requests. */
    async evidenceKeysOfProfile(tx: DbOrTx, profileId: string): Promise<string[]> {
      const rows = await tx
        .select({ key: evidenceFiles.storageKey })
        .from(evidenceFiles)
        .innerJoin(verificationRequests, eq(verificationRequests.id, evidenceFiles.requestId))
        .where(eq(verificationRequests.profileId, profileId));
      return rows.map((r) => r.key);
    },
  };
}
export type DataRightsRepository = ReturnType<typeof createDataRightsRepository>;
