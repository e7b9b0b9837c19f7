import type { AwardNominationRow, AwardRow, CouncilRulesRow, DbOrTx } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import { renderPdf, vietnameseDateLine } from '../shared/pdf.js';
import type { AwardMarks } from './award-marks.js';
import { type AwardsCore, isOfficer, nominationLink } from './awards-core.js';
import { awardsErrors } from './awards.errors.js';
import { tallyBallots, tallyScores } from './award-tally.js';
import { phaseOf } from './council.service.js';

const roleVi = {
  chair: 'Chủ tịch',
  vice_chair: 'Phó Chủ tịch',
  reviewer: 'Ủy viên phản biện',
  member: 'Ủy viên',
  secretary: 'Thư ký',
} as const;

/** The secretary's console: attendance, quorum and tallies per nomination, closing a phase, minutes, and the decision. */
export function createCouncilSessionService(core: AwardsCore, marks?: AwardMarks) {
  const { repo, deps } = core;

  /** Officers, or the phase's secretary or chair; returns the viewer's seat id (for hiding rows they are recused from). */
  async function ensureSecretariat(ctx: RequestContext, roundId: string, phase: number, tx: DbOrTx = deps.db) {
    if (isOfficer(ctx)) return null;
    const profileId = ctx.actor ? await repo.profileIdOfUser(ctx.actor.userId, tx) : undefined;
    const seat = (await repo.council(roundId, tx)).find((m) => m.member.profileId === profileId && m.member.phase === phase);
    if (!seat) throw awardsErrors.roundNotFound();
    if (!['secretary', 'chair'].includes(seat.member.role))
      throw awardsErrors.forbidden('Only the secretary, the chair and the secretariat run the session');
    return seat.member.id;
  }

  async function rulesOf(award: AwardRow, phase: number, tx: DbOrTx = deps.db): Promise<CouncilRulesRow> {
    const p = phaseOf(award, phase);
    const rules = await repo.currentRules(p.rulesCode, tx);
    if (!rules) throw awardsErrors.rulesNotFound();
    return rules;
  }

  /** Quorum and result for each nomination of the phase, from attendance, recusals, ballots or score sheets. */
  async function tallies(award: AwardRow, roundId: string, phase: number, tx: DbOrTx = deps.db) {
    const p = phaseOf(award, phase);
    const rules = await rulesOf(award, phase, tx);
    const all = (await repo.council(roundId, tx)).filter((m) => m.member.phase === phase);
    const session = await repo.session(roundId, phase, tx);
    const present = session?.presentMemberIds ?? [];
    const ns = (await repo.nominationsOfRound(roundId, tx)).filter((n) => n.phase === phase && n.status === 'in_phase');
    const ids = ns.map((n) => n.id);
    const [recusals, ballots, sheets] = await Promise.all([
      repo.recusalsOf(ids, tx),
      repo.ballotsOf(ids, phase, tx),
      repo.scoresOf(ids, phase, tx),
    ]);
    const seats = all.map((m) => ({ id: m.member.id, role: m.member.role }));
    const name = new Map(all.map((m) => [m.member.id, m.name]));
    const rows = ns.map((n) => {
      const recused = recusals.filter((r) => r.nominationId === n.id);
      const recusedIds = recused.map((r) => r.memberId);
      const base = { rules: rules.data, members: seats, present, recused: recusedIds };
      const recusedView = recused.map((r) => ({ memberId: r.memberId, name: name.get(r.memberId) ?? '', codes: r.codes }));
      if (p.method === 'ballot') {
        const own = ballots.filter((b) => b.nominationId === n.id);
        const t = tallyBallots({ ...base, ballots: own.map((b) => b.choice) });
        return {
          nomination: n,
          row: {
            nominationId: n.id,
            workTitle: n.work.title,
            method: p.method,
            quorum: t.quorum,
            yes: t.yes,
            no: t.no,
            abstain: t.abstain,
            yesRequired: t.yesRequired,
            mean: null,
            threshold: null,
            passed: t.passed,
            cast: t.yes + t.no + t.abstain,
            recused: recusedView,
            signedVotes:
              p.ballot === 'signed'
                ? own.map((b) => ({ name: b.voterMemberId ? (name.get(b.voterMemberId) ?? '') : '', choice: b.choice }))
                : null,
          },
          summary: `${t.yes}/${t.quorum.base} phiếu đồng ý (cần ${t.yesRequired}); có mặt ${t.quorum.presentCounted}/${t.quorum.base} (cần ${t.quorum.required})`,
        };
      }
      const counted = sheets.filter((s) => s.nominationId === n.id && present.includes(s.memberId) && !recusedIds.includes(s.memberId));
      const t = tallyScores({
        ...base,
        criteria: award.definition.criteria,
        threshold: p.threshold ?? 0,
        sheets: counted.map((s) => s.scores),
      });
      return {
        nomination: n,
        row: {
          nominationId: n.id,
          workTitle: n.work.title,
          method: p.method,
          quorum: t.quorum,
          yes: null,
          no: null,
          abstain: null,
          yesRequired: null,
          mean: t.mean,
          threshold: t.threshold,
          passed: t.passed,
          cast: t.sheets,
          recused: recusedView,
          signedVotes: null,
        },
        summary: `Điểm trung bình ${t.mean}/100 (ngưỡng ${t.threshold}), ${t.sheets} phiếu chấm; có mặt ${t.quorum.presentCounted}/${t.quorum.base} (cần ${t.quorum.required})`,
      };
    });
    return { p, rules, all, present, rows };
  }

  return {
    async attendance(ctx: RequestContext, awardId: string, roundId: string, phase: number, presentMemberIds: string[]) {
      const { award } = await core.loadRound(awardId, roundId);
      phaseOf(award, phase);
      await ensureSecretariat(ctx, roundId, phase);
      const seats = new Set((await repo.council(roundId)).filter((m) => m.member.phase === phase).map((m) => m.member.id));
      if (presentMemberIds.some((id) => !seats.has(id))) throw awardsErrors.notCouncilMember();
      await deps.db.transaction(async (tx) => {
        await repo.saveSession(tx, roundId, phase, [...new Set(presentMemberIds)], deps.clock());
        await deps.auditService.record(tx, ctx, {
          action: 'award_round.attendance',
          targetType: 'award_round',
          targetId: roundId,
          details: { phase, present: presentMemberIds.length },
        });
      });
      return this.console(ctx, awardId, roundId, phase);
    },

    async console(ctx: RequestContext, awardId: string, roundId: string, phase: number) {
      const { award } = await core.loadRound(awardId, roundId);
      phaseOf(award, phase);
      const viewerSeat = await ensureSecretariat(ctx, roundId, phase);
      const t = await tallies(award, roundId, phase);
      return {
        phase,
        method: t.p.method,
        ballot: t.p.ballot,
        rules: {
          code: t.rules.code,
          version: t.rules.version,
          title: t.rules.title,
          data: { ...t.rules.data },
          legalReference: t.rules.legalReference,
        },
        members: t.all.map((m) => ({
          id: m.member.id,
          phase,
          profileId: m.member.profileId,
          name: m.name,
          role: m.member.role,
          independent: m.member.independent,
          present: t.present.includes(m.member.id),
        })),
        // A chair or secretary recused from a nomination sees that it exists, not its scores or votes.
        rows: t.rows.map(({ row }) =>
          viewerSeat && row.recused.some((r) => r.memberId === viewerSeat)
            ? { ...row, yes: null, no: null, abstain: null, mean: null, signedVotes: null, passed: false, cast: null }
            : row,
        ),
      };
    },

    /** Records each nomination's phase result under the current council rules (the version is kept with it). */
    async closePhase(ctx: RequestContext, awardId: string, roundId: string, phase: number) {
      return deps.db.transaction(async (tx) => {
        const { award } = await core.loadRound(awardId, roundId, tx, true);
        await ensureSecretariat(ctx, roundId, phase, tx);
        const t = await tallies(award, roundId, phase, tx);
        const out: Array<{ nominationId: string; status: AwardNominationRow['status'] }> = [];
        for (const { nomination, row, summary } of t.rows) {
          const result = {
            phase,
            outcome: row.passed ? ('passed' as const) : ('not_passed' as const),
            method: t.p.method,
            summary,
            rulesCode: t.rules.code,
            rulesVersion: t.rules.version,
            at: deps.clock().toISOString(),
          };
          const updated = await core.transition(
            tx,
            ctx,
            nomination,
            row.passed ? 'pass_phase' : 'fail_phase',
            { results: [...nomination.results, result] },
            { phase, summary },
          );
          await core.notifyParties(tx, updated, {
            kind: 'award.phase_result',
            title: row.passed
              ? { vi: `Hồ sơ đạt vòng ${phase}`, en: `Nomination passed phase ${phase}` }
              : { vi: `Hồ sơ không đạt vòng ${phase}`, en: `Nomination did not pass phase ${phase}` },
            body: { vi: `${updated.work.title}: ${summary}`, en: `${updated.work.title}: ${summary}` },
            link: nominationLink(updated),
          });
          out.push({ nominationId: updated.id, status: updated.status });
        }
        return { items: out };
      });
    },

    /** Biên bản: attendance, quorum check, result per nomination and recusals; secret ballots appear only as counts. */
    async minutesPdf(ctx: RequestContext, awardId: string, roundId: string, phase: number) {
      const { award, round } = await core.loadRound(awardId, roundId);
      await ensureSecretariat(ctx, roundId, phase);
      const t = await tallies(award, roundId, phase);
      const closed = (await repo.nominationsOfRound(roundId)).filter((n) => n.results.some((r) => r.phase === phase));
      const chair = t.all.find((m) => m.member.role === 'chair');
      const secretary = t.all.find((m) => m.member.role === 'secretary');
      const yesNo = (b: boolean) => (b ? 'Đạt' : 'Không đạt');
      return renderPdf({
        title: `BIÊN BẢN HỌP HỘI ĐỒNG XÉT ${award.titleVi.toUpperCase()}`,
        subtitle: `Năm ${round.year} — ${t.p.nameVi}`,
        administrativeHeader: {
          issuer: ['UBND THÀNH PHỐ HẢI PHÒNG', award.definition.organiser.toUpperCase()],
          placeAndDate: vietnameseDateLine(deps.clock()),
        },
        blocks: [
          {
            kind: 'fields',
            rows: [
              ['Kế hoạch', round.planReference],
              [
                'Phương thức',
                t.p.method === 'ballot'
                  ? `Bỏ phiếu ${t.p.ballot === 'secret' ? 'kín' : 'công khai (ký tên)'}`
                  : `Chấm điểm, ngưỡng ${t.p.threshold}/100`,
              ],
              [
                'Quy tắc',
                `${t.rules.title} (phiên bản ${t.rules.version}; ${t.rules.legalReference.document} ${t.rules.legalReference.article} [${t.rules.legalReference.certainty}])`,
              ],
            ],
          },
          { kind: 'heading', text: 'I. Thành phần tham dự' },
          {
            kind: 'table',
            columns: ['Họ và tên', 'Chức danh', 'Có mặt'],
            rows: t.all.map((m) => [m.name, roleVi[m.member.role], t.present.includes(m.member.id) ? 'Có' : 'Vắng']),
          },
          { kind: 'heading', text: 'II. Kiểm tra số lượng thành viên (túc số)' },
          {
            kind: 'paragraph',
            text: `Có mặt ${t.all.filter((m) => t.present.includes(m.member.id) && m.member.role !== 'secretary').length}/${t.all.filter((m) => m.member.role !== 'secretary').length} thành viên biểu quyết; yêu cầu ≥ ${Math.round(t.rules.data.quorumRatio * 100)}%${t.rules.data.chairRequired ? ', có Chủ tịch hoặc Phó Chủ tịch' : ''}.`,
          },
          { kind: 'heading', text: 'III. Kết quả' },
          {
            kind: 'table',
            columns: ['Công trình', 'Túc số', 'Kết quả chi tiết', 'Kết luận'],
            rows: [
              ...t.rows.map(({ row, summary }) => [row.workTitle, yesNo(row.quorum.met), summary, yesNo(row.passed)]),
              ...closed.map((n) => {
                const r = n.results.find((x) => x.phase === phase)!;
                return [n.work.title, '—', r.summary, r.outcome === 'passed' ? 'Đạt' : 'Không đạt'];
              }),
            ],
          },
          { kind: 'heading', text: 'IV. Thành viên không tham gia đánh giá (xung đột lợi ích)' },
          {
            kind: 'list',
            items: (() => {
              const lines = t.rows.flatMap(({ row }) => row.recused.map((r) => `${r.name} — ${row.workTitle} (${r.codes.join(', ')})`));
              return lines.length ? lines : ['Không có.'];
            })(),
          },
          { kind: 'signature', role: 'THƯ KÝ HỘI ĐỒNG', name: secretary?.name ?? '' },
          { kind: 'signature', role: 'CHỦ TỊCH HỘI ĐỒNG', name: chair?.name ?? '' },
        ],
        footer: `${award.code} ${round.year} — vòng ${phase}`,
      });
    },

    /** The decision (number, date, signer): chosen passed nominations are awarded within the caps, the rest not awarded. */
    async decide(
      ctx: RequestContext,
      awardId: string,
      roundId: string,
      input: {
        number: string;
        date: string;
        signer: string;
        publishAt: string;
        awarded: Array<{ nominationId: string; prizeLevel: string }>;
      },
    ) {
      if (!isOfficer(ctx)) throw awardsErrors.forbidden('Only the secretariat records the decision');
      return deps.db.transaction(async (tx) => {
        const { award, round } = await core.loadRound(awardId, roundId, tx, true);
        if (round.decision) throw awardsErrors.decided();
        const last = Math.max(...award.definition.phases.map((p) => p.n));
        const all = await repo.nominationsOfRound(roundId, tx);
        const finalists = all.filter((n) => n.status === 'passed' && n.phase === last);
        const chosen = new Map(input.awarded.map((a) => [a.nominationId, a.prizeLevel]));
        for (const id of chosen.keys()) if (!finalists.some((n) => n.id === id)) throw awardsErrors.notFinalist(id);
        for (const cat of award.definition.categories)
          for (const [level, cap] of Object.entries(cat.caps)) {
            const n = finalists.filter((f) => f.category === cat.code && chosen.get(f.id) === level).length;
            if (n > cap) throw awardsErrors.capExceeded(cat.code, level);
          }
        for (const n of finalists) {
          const level = chosen.get(n.id);
          const row = level
            ? await core.transition(tx, ctx, n, 'award', { prizeLevel: level }, { decision: input.number, prizeLevel: level })
            : await core.transition(tx, ctx, n, 'not_award', {}, { decision: input.number });
          await core.notifyParties(tx, row, {
            kind: 'award.decision',
            title: { vi: `Quyết định ${input.number}`, en: `Decision ${input.number}` },
            body: level
              ? { vi: `${award.titleVi}: ${row.work.title} được tặng giải.`, en: `${award.titleEn}: ${row.work.title} is awarded.` }
              : {
                  vi: `${award.titleVi}: ${row.work.title} không được tặng giải.`,
                  en: `${award.titleEn}: ${row.work.title} is not awarded.`,
                },
            link: nominationLink(row),
          });
        }
        const decided = await repo.updateRound(tx, roundId, {
          status: 'decided',
          decision: {
            number: input.number,
            date: input.date,
            signer: input.signer,
            recordedBy: ctx.actor!.userId,
            recordedAt: deps.clock().toISOString(),
          },
          publishAt: new Date(input.publishAt),
        });
        await deps.auditService.record(tx, ctx, {
          action: 'award_round.decided',
          targetType: 'award_round',
          targetId: roundId,
          details: { number: input.number, awarded: input.awarded.length },
        });
        // The awards become verified marks on the nominees' profiles at the publication date.
        await marks?.onDecided(tx, decided!, new Date(input.publishAt));
        return { id: roundId, status: 'decided' as const };
      });
    },
  };
}
export type CouncilSessionService = ReturnType<typeof createCouncilSessionService>;
