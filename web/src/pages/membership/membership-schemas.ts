/**
 * The membership pages' form schemas, imported by each form when it is shown (use-zod-form.ts), so zod
 * is not part of those pages' first load (tests/integration/web-bundle-budget.test.ts).
 */
export { applyBodySchema, verificationFieldsSchema } from '@hpen/server/contracts';
