/**
 * The account page's form schemas, imported by each form when it is shown (use-zod-form.ts), so zod
 * is not part of the account page's first load (tests/integration/web-bundle-budget.test.ts).
 */
export {
  changePasswordBodySchema,
  regenerateCodesBodySchema,
  totpDisableBodySchema,
  totpEnableBodySchema,
  updateMeBodySchema,
} from '@hpen/server/contracts';
