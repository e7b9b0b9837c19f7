import type { viConsultationTools } from './vi-consultation-tools';

export const enConsultationTools: typeof viConsultationTools = {
  consultationTools: {
    leaveOut: 'Leave out',
    restore: 'Put back',
    pdf: 'Download the consolidated opinion (PDF)',
    pdfEnglish: 'English version (PDF)',
  },
};
