/** The consultation request form's schema, imported when the form is shown (use-zod-form.ts), not with the area. */
export { createConsultationBodySchema } from '@hpen/server/contracts';
