import { viProfile } from '../vi-profile';
import { addMessages } from './add-messages';

addMessages({ vi: viProfile, en: async () => (await import('../en-profile')).enProfile });
