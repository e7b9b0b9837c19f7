/** The program write contracts, imported by the content form when it first validates (zod stays out of the page's first load). */
export { createProgramBodySchema, updateProgramBodySchema } from '@hpen/server/contracts';
