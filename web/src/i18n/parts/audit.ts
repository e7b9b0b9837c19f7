import { viAudit } from '../vi-audit';
import { addMessages } from './add-messages';

addMessages({ vi: viAudit, en: async () => (await import('../en-audit')).enAudit });
