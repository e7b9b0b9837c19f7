import { viTaxonomyAdmin } from '../vi-taxonomy-admin';
import { addMessages } from './add-messages';

addMessages({ vi: viTaxonomyAdmin, en: async () => (await import('../en-taxonomy-admin')).enTaxonomyAdmin });
