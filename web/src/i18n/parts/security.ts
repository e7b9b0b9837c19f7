import { viSecurity } from '../vi-security';
import { addMessages } from './add-messages';

addMessages({ vi: viSecurity, en: async () => (await import('../en-security')).enSecurity });
