import type { viConsultationTools } from './vi-consultation-tools';

export const enConsultationTools: typeof viConsultationTools = {
  consultationTools: {
    why: {
      field: 'covers field {{detail}}',
      organisation_type: 'adds an organisation type: {{type}}',
      gender: 'gender balance',
      young_scientist: 'young scientist',
      overseas: 'expert abroad',
      score: 'match score {{detail}}',
    },
    orgType: {
      university: 'university',
      institute: 'research institute',
      government: 'government body',
      enterprise: 'enterprise',
      other: 'other',
      unknown: 'unknown',
    },
    note: {
      short: 'Only {{got}} of {{size}} members could be proposed without conflicts and within workload: add people by name.',
      no_female_member: 'The proposed panel has no woman.',
      no_young_scientist: 'The proposed panel has no young scientist (under 40).',
    },
    builder: {
      count: '{{count}} on the draft to invite (panel of {{size}})',
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
      unregistered: 'No account yet (an imported profile): cannot be invited.',
    },
    leaveOut: 'Leave out',
    restore: 'Put back',
    pdf: 'Download the consolidated opinion (PDF)',
    pdfEnglish: 'English version (PDF)',
  },
};
