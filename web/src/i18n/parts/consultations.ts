import { viConsultations } from '../vi-consultations';
import { addMessages } from './add-messages';

addMessages({ vi: viConsultations, en: async () => (await import('../en-consultations')).enConsultations });
