import type { DataRequestType, PrivacyRules } from './privacy.schemas.js';

/**
 * The legal clocks, computed from a policy row. Pure: the same rules and instant give the same
 * deadlines. Working days skip Saturdays, Sundays and the policy's holidays, counted on the
 * Vietnamese calendar (UTC+7) and ending at the close of that day there.
 */
const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

const vnDate = (at: Date) => new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
/** 23:59:59.999 of a Vietnamese calendar day, as an instant. */
const endOfVnDay = (isoDate: string) => new Date(Date.parse(`${isoDate}T00:00:00.000Z`) - VN_OFFSET_MS + DAY_MS - 1);
const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);

export function isWorkingDay(isoDate: string, holidays: readonly string[]): boolean {
  const weekday = new Date(`${isoDate}T00:00:00.000Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.includes(isoDate);
}

/** The end of the n-th working day after the day of `from` (the day of receipt does not count). */
export function addWorkingDays(from: Date, n: number, holidays: readonly string[]): Date {
  let day = vnDate(from);
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day, holidays)) left -= 1;
  }
  return endOfVnDay(day);
}

/** The end of the n-th calendar day after the day of `from`. */
export function addCalendarDays(from: Date, n: number): Date {
  return endOfVnDay(addDays(vnDate(from), n));
}

export function requestClocks(rules: PrivacyRules, type: DataRequestType, receivedAt: Date, involvesProcessors: boolean) {
  const complete = rules.complete[type];
  if (!complete) throw new Error(`no completion clock for request type ${type}`);
  return {
    acknowledgeBy: addWorkingDays(receivedAt, rules.acknowledge.workingDays, rules.holidays),
    dueAt: addCalendarDays(receivedAt, involvesProcessors ? complete.withProcessorsDays : complete.days),
  };
}

/** The breach notification deadline: hours from detection. */
export const breachNotifyBy = (rules: PrivacyRules, detectedAt: Date) =>
  new Date(detectedAt.getTime() + rules.breach.notifyHours * 3_600_000);

const decree356 = {
  document: 'Nghị định 356/2025/NĐ-CP',
  link: 'https://www.frasersvn.com/legal-updates-and-publications/the-next-chapter-in-data-protection-new-decree-guiding-the-personal-data-protection-law',
};
const law91 = {
  document: 'Luật 91/2025/QH15',
  link: 'https://thuviennhadat.vn/vbpl/luat-bao-ve-du-lieu-ca-nhan-2025-so-91-2025-qh15-625628.html',
};

/** The first policy version, from POLICY-FACTS.md §6 (marks carried over); officers add versions through the API. */
export const DEFAULT_PRIVACY_POLICY: { version: string; note: string; rules: PrivacyRules } = {
  version: '2026-01-01',
  note: 'Law 91/2025/QH15 and Decree 356/2025/NĐ-CP, in force 1 January 2026 (POLICY-FACTS.md §6).',
  rules: {
    acknowledge: {
      workingDays: 2,
      legal: { ...decree356, article: 'request handling: acknowledge within 2 working days', certainty: 'V' },
    },
    complete: {
      withdrawal: {
        days: 15,
        withProcessorsDays: 20,
        legal: { ...decree356, article: 'withdrawal of consent: 15 days, 20 with processors', certainty: 'V' },
      },
      restriction: {
        days: 15,
        withProcessorsDays: 20,
        legal: { ...decree356, article: 'restriction: 15 days, 20 with processors', certainty: 'V' },
      },
      objection: {
        days: 15,
        withProcessorsDays: 20,
        legal: { ...decree356, article: 'objection: 15 days, 20 with processors', certainty: 'V' },
      },
      access: {
        days: 20,
        withProcessorsDays: 20,
        legal: { ...decree356, article: 'provision/access: within 10–20 days; 20 assumed', certainty: 'U' },
      },
      correction: {
        days: 20,
        withProcessorsDays: 20,
        legal: { ...decree356, article: 'correction: within 10–20 days; 20 assumed', certainty: 'U' },
      },
      deletion: {
        days: 20,
        withProcessorsDays: 20,
        legal: { ...decree356, article: 'deletion: within 10–20 days; 20 assumed', certainty: 'U' },
      },
    },
    extension: { maxDays: 15, maxCount: 1, legal: { ...decree356, article: 'one extension of up to 15 days', certainty: 'V' } },
    reminderDaysBefore: 2,
    breach: {
      notifyHours: 72,
      legal: {
        document: 'Nghị định 13/2023/NĐ-CP (kept until Law 91/Decree 356 verified)',
        article: 'Art. 23',
        link: 'https://apolatlegal.com/notification-of-personal-data-protection-violation',
        certainty: 'U',
      },
    },
    retention: {
      untouchedYears: 3,
      graceDays: 60,
      legal: { ...law91, article: 'storage limitation (house rule: 3 years, 60 days to confirm)', certainty: 'U' },
    },
    // Vietnamese public holidays 2026 (Tết: 16–20 Feb; Hùng Kings 26 Apr; 30 Apr–1 May; 1–2 Sep) [P].
    holidays: [
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ],
  },
};
