/**
 * The curation contracts that are only needed once a curator acts (a decision, a filter applied):
 * pages import this module dynamically, so zod is not part of a curation page's first load
 * (the bundle budget, tests/integration/web-bundle-budget.test.ts).
 */
export { decisionBodySchema, queueQuerySchema, verificationDecisionBodySchema } from '@hpen/server/contracts';
