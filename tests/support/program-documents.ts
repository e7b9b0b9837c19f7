import { expect } from 'vitest';
import { bearer } from './auth-flows.js';
import { PDF } from './authorization-fixtures.js';
import type { TestApp } from './test-app.js';

/** Adds a PDF to an application for each purpose: a required document's code, or `fact:<key>` for a declared fact's evidence. */
export async function attachApplicationDocuments(t: TestApp, token: string, id: string, purposes: readonly string[]) {
  for (const purpose of purposes) {
    const data = new FormData();
    data.append('purpose', purpose);
    data.append('file', new Blob([PDF], { type: 'application/pdf' }), `${purpose}.pdf`);
    const res = await t.app.inject({ method: 'POST', url: `/api/applications/${id}/documents`, headers: bearer(token), payload: data });
    expect(res.statusCode, res.body).toBe(201);
  }
}

/** The purposes of what an application view says is missing, to attach them all. */
export const missingPurposes = (missing: ReadonlyArray<{ kind: string; code: string }>) =>
  missing.filter((m) => m.kind === 'document' || m.kind === 'evidence').map((m) => (m.kind === 'document' ? m.code : `fact:${m.code}`));
