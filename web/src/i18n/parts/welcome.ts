import { viWelcome } from '../vi-welcome';
import { addMessages } from './add-messages';

addMessages({ vi: viWelcome, en: async () => (await import('../en-welcome')).enWelcome });
