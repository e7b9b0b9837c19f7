import { viPrivacy } from '../vi-privacy';
import { addMessages } from './add-messages';

addMessages({ vi: viPrivacy, en: async () => (await import('../en-privacy')).enPrivacy });
