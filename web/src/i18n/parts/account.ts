import { viAccount } from '../vi-account';
import { addMessages } from './add-messages';

addMessages({ vi: viAccount, en: async () => (await import('../en-account')).enAccount });
