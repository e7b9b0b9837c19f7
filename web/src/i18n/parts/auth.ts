import { viAuth } from '../vi-auth';
import { addMessages } from './add-messages';

addMessages({ vi: viAuth, en: async () => (await import('../en-auth')).enAuth });
