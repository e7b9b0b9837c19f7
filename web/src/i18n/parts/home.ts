import { viHome } from '../vi-home';
import { addMessages } from './add-messages';

addMessages({ vi: viHome, en: async () => (await import('../en-home')).enHome });
