import type { AwardsRepository } from './awards.repository.js';
import type { Database } from '@hpen/db';

/**
 * The council rules of national practice (state S&T award council, 2010 round): a meeting needs
 * ≥ 3/4 of members present with the chair or vice-chair; a work passes with ≥ 3/4 of all members
 * voting yes. A member recused for a conflict is taken out of the base for that work (our reading
 * of "does not take part in discussion or voting"; set excludeRecusedFromBase to false to keep them in it).
 */
export const DEFAULT_COUNCIL_RULES = {
  code: 'council-3-4',
  title: 'Hội đồng xét giải thưởng: túc số 3/4, thông qua khi ≥ 3/4 tổng số thành viên đồng ý',
  data: { quorumRatio: 0.75, chairRequired: true, passRatio: 0.75, passBase: 'all_members' as const, excludeRecusedFromBase: true },
  legalReference: {
    document: 'Quy chế Hội đồng cấp Nhà nước xét tặng Giải thưởng Hồ Chí Minh, Giải thưởng Nhà nước về KH&CN (đợt 2010)',
    article: 'Túc số, tỷ lệ phiếu, xung đột lợi ích',
    link: 'https://tiasang.com.vn/tin-tuc/lap-hoi-dong-cap-nha-nuoc-xet-tang-giai-thuong-khcn-4324/',
    certainty: 'V' as const,
  },
};

/** Inserts version 1 of the default rules when the code has none (idempotent, at start-up). */
export async function ensureAwardReferenceData(db: Database, repo: AwardsRepository, now: Date) {
  if (await repo.currentRules(DEFAULT_COUNCIL_RULES.code)) return false;
  await db.transaction((tx) => repo.insertRulesVersion(tx, { ...DEFAULT_COUNCIL_RULES, effectiveFrom: now }));
  return true;
}
