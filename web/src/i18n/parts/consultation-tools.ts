import { viConsultationTools } from '../vi-consultation-tools';
import { addMessages } from './add-messages';

addMessages({ vi: viConsultationTools, en: async () => (await import('../en-consultation-tools')).enConsultationTools });
