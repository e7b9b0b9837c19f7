import { viCuration, viCurationErrors, viCurationFieldErrors } from '../vi-curation';
import { addMessages } from './add-messages';

addMessages({
  vi: { ...viCuration, errors: { curation: viCurationErrors }, fieldErrors: viCurationFieldErrors },
  en: async () => {
    const { enCuration, enCurationErrors, enCurationFieldErrors } = await import('../en-curation');
    return { ...enCuration, errors: { curation: enCurationErrors }, fieldErrors: enCurationFieldErrors };
  },
});
