import fc from 'fast-check';
import { createSearchClient } from '@hpen/search';
import { insertSyntheticProfiles, seedDemo } from '@hpen/server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkDrift, reindexAll } from '../../server/src/modules/search/search-sync.js';
import { bearer, registerAndSignIn, signIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { leaks, markedProfile, visibilityArb } from '../support/visibility-markers.js';

let t: TestApp;
let agency: { accessToken: string };
const experts: Record<string, { accessToken: string; id: string }> = {};

const search = (query: string, token?: string) =>
  t.app.inject({ method: 'GET', url: `/api/experts/search?${query}`, ...(token ? { headers: bearer(token) } : {}) });
const meiliClient = () => createSearchClient(inject('meili').url, inject('meili').masterKey).client;
const ids = (res: { json(): { hits: Array<{ id: string }> } }) => res.json().hits.map((h) => h.id);
const patchAs = (who: string, payload: object) =>
  t.app.inject({ method: 'PATCH', url: '/api/me/profile', headers: bearer(experts[who]!.accessToken), payload });

async function expert(key: string, email: string, profile: object) {
  const session = await registerAndSignIn(t, email);
  const res = await t.app.inject({ method: 'PATCH', url: '/api/me/profile', headers: bearer(session.accessToken), payload: profile });
  expect(res.statusCode, res.body).toBe(200);
  experts[key] = { accessToken: session.accessToken, id: res.json().id };
}

beforeAll(async () => {
  // Many searches in a row from one address: lift the per-minute limit for this file.
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  await seedDemo(t.database.db, { password: 'demo password for tests' });
  agency = await signIn(t.app, 'agency@demo.local', 'demo password for tests');
  // Background: generated experts, so matches must be found among many.
  await insertSyntheticProfiles(t.database.db, { count: 300, seed: 11, enqueueForSearch: true });
  await expert('hai', 'hai.nguyen@example.vn', {
    fullName: 'Đoàn Văn Hải',
    highestDegree: 'TS',
    academicTitle: 'PGS',
    fields: [{ code: '502', primary: true }],
    sectors: ['seaport'],
    keywords: ['khai thác cảng'],
    languages: [{ code: 'en', level: 'C1' }],
    location: { kind: 'haiphong', commune: '11329' },
    availability: { kinds: ['critical_review'], modes: ['remote'] },
    contact: { email: 'hai.nguyen@example.vn', phone: '+84 912 000 001' },
  });
  await expert('lan', 'lan.tran@example.vn', {
    fullName: 'Trần Thị Quỳnh Lan',
    highestDegree: 'ThS',
    fields: [{ code: '102', primary: true }],
    sectors: ['information_technology'],
    keywords: ['machine learning'],
    languages: [
      { code: 'en', level: 'B1' },
      { code: 'ja', level: 'B2' },
    ],
    location: { kind: 'overseas', country: 'JP' },
  });
  await t.searchSettled();
});
afterAll(async () => {
  await t?.close();
});

describe('Vietnamese search', () => {
  it('finds "Nguyễn Văn Hải" typed without diacritics, and ranks him first', async () => {
    // The demo expert; the generated background holds many other Nguyễn Văn … and … Hải.
    const demoExpert = await signIn(t.app, 'expert@demo.local', 'demo password for tests');
    const demoId = (await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: bearer(demoExpert.accessToken) })).json().id;
    const res = await search('q=nguyen%20van%20hai');
    expect(res.statusCode, res.body).toBe(200);
    expect(ids(res)[0]).toBe(demoId);
    expect(res.json().hits[0].highlights.fullName).toEqual([
      { text: 'Nguyễn', match: true },
      { text: ' ', match: false },
      { text: 'Văn', match: true },
      { text: ' ', match: false },
      { text: 'Hải', match: true },
    ]);
  });

  it('shows why an expert matched: a snippet from the matching field, words marked, typed without diacritics', async () => {
    const hit = (await search('q=doan%20van%20hai%20khai%20thac%20cang')).json().hits.find((h: { id: string }) => h.id === experts.hai!.id);
    expect(hit.highlights.snippet).toEqual({
      attribute: 'keywords',
      text: [
        { text: 'khai', match: true },
        { text: ' ', match: false },
        { text: 'thác', match: true },
        { text: ' ', match: false },
        { text: 'cảng', match: true },
      ],
    });
    const noWords = (await search('sector=seaport&pageSize=5')).json().hits;
    expect(noWords.every((h: { highlights: { snippet: unknown } }) => h.highlights.snippet === null)).toBe(true);
  });

  it('finds "Hải Phòng" from "hai phong"', async () => {
    const res = await search(`q=hai%20phong&degree=TS&sector=seaport&commune=11329&pageSize=50`);
    expect(res.json().total).toBeGreaterThan(0);
    expect(ids(res)).toContain(experts.hai!.id);
  });

  it('still finds a name with a one-letter typo', async () => {
    expect(ids(await search('q=Quynh%20Lam'))).toContain(experts.lan!.id);
    expect(ids(await search('q=Quỳnh%20Lna'))).toContain(experts.lan!.id);
  });

  it('finds Vietnamese-labelled experts by English field and sector names, and the reverse', async () => {
    expect(ids(await search('q=economics%20business&pageSize=50'))).toContain(experts.hai!.id);
    expect(ids(await search('q=seaport&pageSize=50'))).toContain(experts.hai!.id);
    expect(ids(await search(`q=${encodeURIComponent('khoa học máy tính')}&pageSize=50`))).toContain(experts.lan!.id);
    expect(ids(await search(`q=${encodeURIComponent('hoc may')}&pageSize=50`))).not.toContain(experts.hai!.id);
  });

  it('knows degree and title synonyms (TS ↔ Tiến sĩ ↔ PhD, PGS ↔ Phó Giáo sư)', async () => {
    for (const q of ['PhD doan van hai', 'Tiến sĩ Đoàn Văn Hải', 'TS Doan Van Hai', 'associate professor doan van hai']) {
      expect(ids(await search(`q=${encodeURIComponent(q)}`))[0], q).toBe(experts.hai!.id);
    }
  });
});

describe('filters, facets, sort, pages', () => {
  it('counts facets that agree with the filters', async () => {
    const all = (await search('facets=degree,locationKind&pageSize=1')).json();
    expect(all.facets.degree.TS).toBeGreaterThan(0);
    const ts = (await search('degree=TS&pageSize=1')).json();
    expect(ts.total).toBe(all.facets.degree.TS);
    const sumKinds = Object.values(all.facets.locationKind as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(sumKinds).toBeLessThanOrEqual(all.total);
  });

  it('filters by a field including its sub-fields, by sector, language level, place and availability', async () => {
    const social = await search('field=5&pageSize=50&q=doan%20van%20hai');
    expect(ids(social)).toContain(experts.hai!.id);
    expect(ids(await search('field=1&q=doan%20van%20hai'))).not.toContain(experts.hai!.id);
    expect(ids(await search('sector=seaport,tourism&q=hai'))).toContain(experts.hai!.id);

    expect(ids(await search('language=en&minLevel=B2&q=lan'))).not.toContain(experts.lan!.id);
    expect(ids(await search('language=ja&minLevel=B2&q=lan'))).toContain(experts.lan!.id);
    expect(ids(await search('locationKind=overseas&country=JP&q=lan'))).toContain(experts.lan!.id);
    expect(ids(await search('commune=11329&q=doan%20van%20hai'))[0]).toBe(experts.hai!.id);
  });

  it('hides agency-only facets from visitors but gives them to staff', async () => {
    // Availability defaults to "agencies": visitors cannot filter on what they cannot see.
    const visitor = await search('availability=critical_review&q=doan%20van%20hai');
    expect(ids(visitor)).not.toContain(experts.hai!.id);
    const staff = await search('availability=critical_review&q=doan%20van%20hai', agency.accessToken);
    expect(staff.json().audience).toBe('agencies');
    expect(ids(staff)).toContain(experts.hai!.id);
  });

  it('sorts by name (given name first) and pages without overlap', async () => {
    const p1 = (await search('sort=name&pageSize=10&page=1')).json();
    const p2 = (await search('sort=name&pageSize=10&page=2')).json();
    expect(p1.hits).toHaveLength(10);
    expect(new Set([...p1.hits, ...p2.hits].map((h: { id: string }) => h.id)).size).toBe(20);
    expect(p1.totalPages).toBe(Math.ceil(p1.total / 10));
  });

  it('rejects bad queries with 400 naming the parameter', async () => {
    for (const [query, field] of [
      [`q=${'x'.repeat(201)}`, 'q'],
      ['sector=space', 'sector.0'],
      ['field=abc', 'field.0'],
      ['facets=password', 'facets.0'],
      ['pageSize=500', 'pageSize'],
      ['language=en&minLevel=Z9', 'minLevel'],
      ['sort=random', 'sort'],
      ['filter=id%20EXISTS', ''],
    ] as const) {
      const res = await search(query);
      expect(res.statusCode, query).toBe(400);
      if (field)
        expect(
          res.json().error.fields.map((f: { path: string }) => f.path),
          query,
        ).toContain(field);
    }
  });
});

describe('Vietnamese relevance and counts', () => {
  beforeAll(async () => {
    await expert('oncologist', 'khoa.pham@example.vn', { fullName: 'Phạm Văn Khoa', keywords: ['ung thư', 'hóa trị'] });
    // Folded, "chuỗi cung ứng" plus her own name in the bio hold both syllables of "ung thu", scattered.
    await expert('thu', 'thu.le@example.vn', {
      fullName: 'Lê Thị Thu',
      keywords: ['chuỗi cung ứng'],
      bio: { vi: 'Lê Thị Thu nghiên cứu chuỗi cung ứng; bà Thu giảng dạy logistics.', en: '' },
    });
    await expert('hung1', 'hung.tran1@example.vn', { fullName: 'Trần Thanh Hùng', keywords: ['thủy văn'] });
    await expert('hung2', 'hung.tran2@example.vn', { fullName: 'Trần Thanh Hưng', keywords: ['thủy văn'] });
    await t.searchSettled();
  });

  it('ranks a phrase typed in order above the same syllables scattered', async () => {
    for (const q of ['ung thu', 'ung thư']) {
      const hits: Array<{ id: string; keywords: string[] }> = (await search(`q=${encodeURIComponent(q)}&pageSize=50`)).json().hits;
      const rank = (id: string) => hits.findIndex((h) => h.id === id);
      // The generated background holds other oncologists: every "ung thư" keyword comes before the scattered syllables.
      expect(rank(experts.oncologist!.id), q).toBeGreaterThanOrEqual(0);
      expect(hits[0]!.keywords, q).toContain('ung thư');
      const scattered = rank(experts.thu!.id);
      if (scattered >= 0)
        expect(
          hits.slice(0, scattered).every((h) => h.keywords.includes('ung thư')),
          q,
        ).toBe(true);
      expect(scattered === -1 || scattered > rank(experts.oncologist!.id), q).toBe(true);
    }
  });

  it('counts the profiles that match every word, and says when it shows near matches instead', async () => {
    const both = (await search('q=ung%20thu&pageSize=1')).json();
    const one = (await search('q=ung&pageSize=1')).json();
    expect(both.approximate).toBe(false);
    expect(both.total).toBeGreaterThan(0);
    expect(both.total).toBeLessThan(one.total);
    const none = (await search('q=ung%20thu%20zzqxwv&pageSize=5')).json();
    expect(none.approximate).toBe(true);
    expect(none.hits.map((h: { id: string }) => h.id)).toContain(experts.oncologist!.id);
    // The word that matches nothing is left out first, not the words at the end.
    const need = (await search(`q=${encodeURIComponent('ung thu benh vien zzqxwv')}&pageSize=5`)).json();
    expect(need.approximate).toBe(true);
    expect(need.hits[0].keywords).toContain('ung thư');
    expect((await search('q=zzqxwv')).json()).toMatchObject({ total: 0, approximate: false, hits: [] });
  });

  it('prefers the diacritics typed among equal matches', async () => {
    expect(ids(await search(`q=${encodeURIComponent('Trần Thanh Hưng')}`))[0]).toBe(experts.hung2!.id);
    expect(ids(await search(`q=${encodeURIComponent('Trần Thanh Hùng')}`))[0]).toBe(experts.hung1!.id);
  });

  it("reads an agency's need: the words asking for help do not have to match", async () => {
    const res = (await search(`q=${encodeURIComponent('phản biện đề án khai thác cảng')}&pageSize=50`)).json();
    expect(res.approximate).toBe(false);
    // The generated background has other experts with this keyword: any of them may come first.
    expect(res.hits[0].keywords).toContain('khai thác cảng');
    expect(res.hits.map((h: { id: string }) => h.id)).toContain(experts.hai!.id);
  });
});

describe('sync through the outbox', () => {
  it('follows create, update, visibility change and delete', async () => {
    await expert('temp', 'tam.do@example.vn', { fullName: 'Đỗ Minh Tâm', keywords: ['thủy động lực học'] });
    await t.searchSettled();
    expect(ids(await search('q=do%20minh%20tam'))[0]).toBe(experts.temp!.id);

    await patchAs('temp', { keywords: ['địa kỹ thuật biển'] });
    await t.searchSettled();
    expect(ids(await search('q=dia%20ky%20thuat%20bien'))).toContain(experts.temp!.id);
    expect(ids(await search('q=thuy%20dong%20luc%20hoc'))).not.toContain(experts.temp!.id);

    await patchAs('temp', { visibility: { identity: 'agencies' } });
    await t.searchSettled();
    expect(ids(await search('q=do%20minh%20tam'))).not.toContain(experts.temp!.id);
    expect(ids(await search('q=do%20minh%20tam', agency.accessToken))).toContain(experts.temp!.id);

    await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(experts.temp!.accessToken) });
    await t.searchSettled();
    expect(ids(await search('q=do%20minh%20tam', agency.accessToken))).not.toContain(experts.temp!.id);
  });

  it('finds and repairs drift between the database and the indexes', async () => {
    const { indexes, deps } = t.app.searchSync;
    const client = meiliClient();
    await indexes.settled(client.index(indexes.name('public')).deleteDocuments([experts.hai!.id]), 'test delete');
    await indexes.settled(client.index(indexes.name('public')).updateDocuments([{ id: experts.lan!.id, hash: 'tampered' }]), 'test tamper');
    await indexes.settled(
      client.index(indexes.name('public')).addDocuments([{ id: '00000000-0000-4000-8000-00000000dead', fullName: 'Ghost', hash: 'x' }]),
      'test extra',
    );

    const [pub] = await checkDrift(deps, { repair: true });
    expect(pub).toMatchObject({
      audience: 'public',
      missing: [experts.hai!.id],
      stale: [experts.lan!.id],
      extra: ['00000000-0000-4000-8000-00000000dead'],
    });
    const after = await checkDrift(deps);
    for (const report of after)
      expect({ ...report, database: 0, index: 0 }).toEqual({
        audience: report.audience,
        database: 0,
        index: 0,
        missing: [],
        extra: [],
        stale: [],
      });
  });

  it('reindexes into new indexes and swaps them in while searches keep answering', async () => {
    let searching = true;
    const answers: number[] = [];
    const searcher = (async () => {
      while (searching) {
        const res = await search('q=nguyen&pageSize=5');
        answers.push(res.statusCode === 200 && res.json().total > 0 ? 1 : 0);
      }
    })();
    const result = await reindexAll(t.app.searchSync.deps);
    searching = false;
    await searcher;
    expect(result.documents.public).toBeGreaterThan(300);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((a) => a === 1)).toBe(true);
    expect(ids(await search('q=doan%20van%20hai'))[0]).toBe(experts.hai!.id);
  });
});

describe('a relay woken by writes', () => {
  it('makes a saved change searchable without waiting for its next poll', async () => {
    // The relay would next look at the outbox in ten minutes: only the write's nudge can deliver in time.
    const own = await createTestApp({ env: { SEARCH_RELAY_POLL_MS: '600000' } });
    try {
      const session = await registerAndSignIn(own, 'vu.thao@example.vn');
      const res = await own.app.inject({
        method: 'PATCH',
        url: '/api/me/profile',
        headers: bearer(session.accessToken),
        payload: { fullName: 'Vũ Phương Thảo', keywords: ['hải dương học'] },
      });
      expect(res.statusCode, res.body).toBe(200);
      let found: string[] = [];
      for (const until = Date.now() + 20_000; Date.now() < until && found.length === 0; await new Promise((r) => setTimeout(r, 50))) {
        found = ids(await own.app.inject({ method: 'GET', url: '/api/experts/search?q=vu%20phuong%20thao' }));
      }
      expect(found).toEqual([res.json().id]);
    } finally {
      await own.close();
    }
  });
});

describe('privacy of search (property)', () => {
  it('never returns "only me" values to anyone, nor agency-only values to the public, in hits or highlights', async () => {
    await expert('prop', 'property.search@example.vn', { fullName: 'Lương Thế Vinh' });
    const allMarkers = (m: ReturnType<typeof markedProfile>) => Object.values(m.markers).flat();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), visibilityArb, async (seed, visibility) => {
        const marked = markedProfile(seed, ['101', '502']);
        const saved = await patchAs('prop', { ...marked.content, fullName: 'Lương Thế Vinh', visibility });
        expect(saved.statusCode, saved.body).toBe(200);
        await t.searchSettled();
        for (const [audience, token] of [
          ['public', undefined],
          ['agencies', agency.accessToken],
        ] as const) {
          // Search for every marker and for the name; anything hidden must never come back.
          for (const q of [...allMarkers(marked), 'Luong The Vinh']) {
            const res = await search(
              `q=${encodeURIComponent(q)}&facets=degree,sector,language,availability,locationKind&pageSize=50`,
              token,
            );
            expect(res.statusCode).toBe(200);
            const mine = res.json().hits.filter((h: { id: string }) => h.id === experts.prop!.id);
            expect(leaks(mine, null, marked, visibility, audience), `${audience} searching ${q}`).toEqual([]);
          }
        }
        // The index documents themselves hold nothing hidden.
        const client = meiliClient();
        for (const audience of ['public', 'agencies'] as const) {
          const doc = await client
            .index(t.app.searchSync.indexes.name(audience))
            .getDocument(experts.prop!.id)
            .catch(() => null);
          expect(leaks(doc, null, marked, visibility, audience), `${audience} index document`).toEqual([]);
        }
      }),
      { numRuns: 12 },
    );
  });
});

describe('when Meilisearch is down', () => {
  it('answers 503 search.unavailable quickly, and keeps the change in the outbox', async () => {
    const down = await createTestApp({ search: createSearchClient('http://127.0.0.1:9', 'key'), waitForSearch: false });
    try {
      const res = await down.app.inject({ method: 'GET', url: '/api/experts/search?q=hai' });
      expect(res.statusCode).toBe(503);
      expect(res.json().error).toMatchObject({ code: 'search.unavailable', message: expect.stringMatching(/unavailable/) });
      expect(res.body).not.toMatch(/at .*\.ts|ECONNREFUSED/);
    } finally {
      await down.close();
    }
  });
});
