import { viSearch, viSearchErrors } from '../vi-search';
import { addMessages } from './add-messages';

addMessages({
  vi: { ...viSearch, errors: viSearchErrors },
  en: async () => {
    const { enSearch, enSearchErrors } = await import('../en-search');
    return { ...enSearch, errors: enSearchErrors };
  },
});
