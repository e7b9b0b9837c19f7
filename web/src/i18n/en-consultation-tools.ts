import type { viConsultationTools } from './vi-consultation-tools';

export const enConsultationTools: typeof viConsultationTools = {
  consultationTools: {
    pdf: 'Download the consolidated opinion (PDF)',
    pdfEnglish: 'English version (PDF)',
  },
};
