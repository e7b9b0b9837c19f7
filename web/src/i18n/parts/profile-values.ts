import { viProfileValues } from '../vi-profile-values';
import { addMessages } from './add-messages';

addMessages({ vi: viProfileValues, en: async () => (await import('../en-profile-values')).enProfileValues });
