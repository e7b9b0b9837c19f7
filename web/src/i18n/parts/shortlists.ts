import { viShortlists, viShortlistsErrors } from '../vi-shortlists';
import { addMessages } from './add-messages';

addMessages({
  vi: { ...viShortlists, errors: viShortlistsErrors },
  en: async () => {
    const { enShortlists, enShortlistsErrors } = await import('../en-shortlists');
    return { ...enShortlists, errors: enShortlistsErrors };
  },
});
