import { viDataRights } from '../vi-data-rights';
import { addMessages } from './add-messages';

addMessages({ vi: viDataRights, en: async () => (await import('../en-data-rights')).enDataRights });
