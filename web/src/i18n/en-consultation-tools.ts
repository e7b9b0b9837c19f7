import type { viConsultationTools } from './vi-consultation-tools';

export const enConsultationTools: typeof viConsultationTools = {
  consultationTools: {
    builder: {
      count: '{{count}}/{{size}} members',
      empty: 'Nobody on the draft panel yet: press “Propose”, add from the suggestions or find by name.',
      role: 'Role',
      up: 'Move {{name}} up',
      down: 'Move {{name}} down',
      noChair: 'The panel has no chair.',
      manyChairs: 'The panel has more than one chair.',
      overSize: 'More members than requested ({{size}}).',
      addByName: 'Add by name',
      find: 'Find',
      add: 'Add to panel',
      added: 'Added',
    },
    leaveOut: 'Leave out',
    restore: 'Put back',
    pdf: 'Download the consolidated opinion (PDF)',
    pdfEnglish: 'English version (PDF)',
  },
};
