/**
 * The profile's zod schemas and form messages, loaded when the editor first validates (it starts
 * loading when a section opens): zod is ~26 kB gzip, kept out of the editor's first page load
 * (tests/integration/web-bundle-budget.test.ts).
 */
export { profileContentSchema, publicationImportBodySchema } from '@hpen/server/contracts';
export { formErrorMap } from '../../../i18n/zod-messages';
