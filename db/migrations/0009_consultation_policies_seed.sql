-- Consultation policy seeded from POLICY-FACTS.md §1. Every number is a placeholder marked unverified
-- there ([U]): officers correct the data (a new row, is_current moved), never the code.
INSERT INTO "consultation_policies" ("code", "title", "legal_reference", "verified", "data", "effective_from", "is_current")
VALUES (
  'hp-55-2023-v1',
  'Hoạt động TVPB&GĐXH của Liên hiệp các Hội KH&KT thành phố Hải Phòng',
  'QĐ 14/2014/QĐ-TTg (14/02/2014); QĐ 55/2023/QĐ-UBND Hải Phòng (15/12/2023, hiệu lực 25/12/2023); TT 11/2015/TT-BTC (kinh phí)',
  false,
  '{"reminderDaysBefore":[7,2],"overdueEveryDays":3,"minReviewDays":7,"reportSections":["identification","scheme_summary","method","necessity","legal_basis","fit_with_goals","feasibility","socio_economic_environmental","findings","recommendations","dissent"]}'::jsonb,
  '2023-12-25T00:00:00Z',
  true
)
ON CONFLICT ("code") DO NOTHING;
