import { viAdmin } from '../vi-admin';
import { addMessages } from './add-messages';

addMessages({ vi: viAdmin, en: async () => (await import('../en-admin')).enAdmin });
