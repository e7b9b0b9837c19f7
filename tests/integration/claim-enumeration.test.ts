import { expertProfiles } from '@hpen/db';
import { createProfileGenerator } from '@hpen/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerAndSignIn, signUp } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { contentToColumns } from '../../server/src/modules/profiles/profile-document.js';

let t: TestApp;
let prober: { accessToken: string };
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000', AUTH_RATE_LIMIT_PER_MINUTE: '100000' } });
  prober = await registerAndSignIn(t, 'prober@example.vn');
});
afterAll(async () => {
  await t?.close();
});

async function insertUnclaimed(email: string | null) {
  const generated = createProfileGenerator({ seed: 7, fieldCodes: ['502'] })();
  const content = { ...generated.content, fullName: 'Lương Văn Ẩn', contact: { email, phone: null } };
  const [row] = await t.database.db
    .insert(expertProfiles)
    .values({ ...contentToColumns(content), userId: null, visibility: generated.visibility, createdBy: null })
    .returning();
  return row!;
}

const requestClaim = (profileId: string) =>
  t.app.inject({ method: 'POST', url: '/api/me/profile/claims', headers: bearer(prober.accessToken), payload: { profileId } });

describe('claim requests do not reveal or flood a private e-mail', () => {
  it('answers the same, without any address or domain, with or without an e-mail on the profile', async () => {
    const withEmail = await requestClaim((await insertUnclaimed('hidden.person@private-domain.vn')).id);
    const withoutEmail = await requestClaim((await insertUnclaimed(null)).id);
    expect(withEmail.statusCode).toBe(202);
    expect(withoutEmail.statusCode).toBe(202);
    expect(withEmail.body).toBe(withoutEmail.body);
    expect(withEmail.body).not.toMatch(/@|private-domain/);
  });

  it('mails at most once per claimer and profile in an hour', async () => {
    const profile = await insertUnclaimed('flood.target@example.vn');
    for (let i = 0; i < 4; i++) expect((await requestClaim(profile.id)).statusCode).toBe(202);
    expect(t.mailTo('flood.target@example.vn')).toHaveLength(1);
  });

  it('keeps the sign-up answer for a taken address neutral', async () => {
    await signUp(t.app, 'taken@example.vn');
    const again = await signUp(t.app, 'taken@example.vn');
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toEqual({ code: 'auth.email_taken', message: expect.not.stringMatching(/already exists|expert|staff/i) });
  });
});
