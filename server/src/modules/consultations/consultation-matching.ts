import type { ConsultationRow } from '@hpen/db';
import { projectProfile } from '../profiles/profile-projection.js';
import type { ConsentGate } from '../privacy/privacy.module.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import type { ExpertView } from '../profiles/profiles.schemas.js';
import { screenConflicts } from './conflict-rules.js';
import { scoreExpert } from './consultation-scoring.js';
import type { ConsultationsRepository } from './consultations.repository.js';
import type { Suggestion } from './consultations.schemas.js';
import { quoteFilterValue } from '../search/filter-quote.js';

/** Ids from the agency search index, best first. Only what experts share with agencies is indexed there. */
export type CandidateSearch = (query: { q: string; filter: string[]; limit: number }) => Promise<string[]>;

interface Deps {
  consultationsRepository: ConsultationsRepository;
  profilesRepository: ProfilesRepository;
  candidateSearch: CandidateSearch;
  consentGate: Pick<ConsentGate, 'statesOfProfiles'>;
  clock: () => Date;
  workloadCap?: number;
  limit?: number;
}

export interface ScoredCandidate extends Suggestion {
  view: ExpertView;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** Suggestions for a case: candidates from the agency index, scored and screened against the database. */
export function createConsultationMatching(deps: Deps) {
  const { consultationsRepository: repo, profilesRepository } = deps;
  const cap = deps.workloadCap ?? 3;

  async function candidates(c: ConsultationRow) {
    const words = [c.title, ...c.keywords].join(' ');
    const [byField, byText] = await Promise.all([
      c.fields.length
        ? deps.candidateSearch({
            q: c.keywords.join(' '),
            filter: [`fields IN [${c.fields.map(quoteFilterValue).join(', ')}]`],
            limit: 150,
          })
        : [],
      deps.candidateSearch({ q: words, filter: [], limit: 60 }),
    ]);
    return { ids: [...new Set([...byField, ...byText])], textRank: new Map(byText.map((id, i) => [id, i])) };
  }

  const strip = ({ view: _view, ...s }: ScoredCandidate): Suggestion => s;

  async function named(q: string) {
    const ids = await deps.candidateSearch({ q, filter: [], limit: 20 });
    return { ids, textRank: new Map<string, number>() };
  }

  return {
    /** All scored candidates (the panel builder uses the same list). */
    async score(c: ConsultationRow, organisationNames: string[], byName?: string): Promise<ScoredCandidate[]> {
      // By name: the panel builder adds someone the suggestions did not rank, screened the same way.
      const { ids, textRank } = byName === undefined ? await candidates(c) : await named(byName);
      const [rows, workloads, history, members, consents] = await Promise.all([
        profilesRepository.findByIds(ids),
        repo.workload(ids, new Date(deps.clock().getTime() - YEAR_MS)),
        repo.history(ids, c.id),
        repo.members(c.id),
        deps.consentGate.statesOfProfiles(ids, 'consultation_invitations'),
      ]);
      const load = new Map(workloads.map((w) => [w.profileId, w]));
      const invited = new Set(members.map((m) => m.member.profileId));
      const out: ScoredCandidate[] = [];
      for (const row of rows) {
        // Law 91/2025: an expert who withdrew consent to consultation invitations is not put forward.
        if (consents.get(row.id)?.state === 'withdrawn') continue;
        const view = projectProfile(row, 'agencies');
        if (!view) continue;
        const w = load.get(row.id);
        const workload = { active: w?.active ?? 0, last12Months: w?.recent ?? 0 };
        const scored = scoreExpert(c, view, { textRank: textRank.get(row.id) ?? null, workload, workloadCap: cap });
        const conflicts = screenConflicts(view, {
          consultation: c,
          organisationNames,
          history: history.filter((h) => h.member.profileId === row.id),
        });
        out.push({
          profileId: row.id,
          fullName: view.fullName,
          score: scored.score,
          reasons: scored.reasons,
          conflicts,
          workload: { ...workload, overCap: scored.overCap },
          available: scored.available,
          invited: invited.has(row.id),
          registered: row.userId !== null,
          view,
        });
      }
      // Clean candidates first, then by score; ties by name for a stable order.
      return out.sort(
        (a, b) =>
          Number(a.conflicts.length > 0) - Number(b.conflicts.length > 0) ||
          b.score - a.score ||
          a.fullName.localeCompare(b.fullName, 'vi'),
      );
    },

    /** Without the projected view (the client gets the suggestion fields only). */
    strip: (scored: ScoredCandidate[]) => scored.map(strip),

    split(scored: ScoredCandidate[]) {
      const limit = deps.limit ?? 50;
      return {
        suggestions: scored
          .filter((s) => s.available)
          .slice(0, limit)
          .map(strip),
        unavailable: scored
          .filter((s) => !s.available)
          .slice(0, limit)
          .map(strip),
      };
    },
  };
}
export type ConsultationMatching = ReturnType<typeof createConsultationMatching>;
