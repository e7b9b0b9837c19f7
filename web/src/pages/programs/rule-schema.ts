/** The rule document's zod schema, imported by the officers' editor once it is on screen (zod stays out of the page's first load). */
export { ruleDocumentSchema } from '@hpen/server/contracts';
