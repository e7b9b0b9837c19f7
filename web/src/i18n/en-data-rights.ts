import type { viDataRights } from './vi-data-rights';

/** English: the data-rights page. */
export const enDataRights: typeof viDataRights = {
  dataRights: {
    title: 'My personal data',
    intro: 'Under Decree 13/2023/ND-CP on personal data protection you may see, download, withdraw consent for and ask to erase your data.',
    backToAccount: 'Back to my account',
    exportTitle: 'Download my data',
    exportBody:
      'A JSON file with your account, expert profile and its history, consent history, sign-in sessions and the activity log entries about you.',
    exportButton: 'Download (JSON)',
    exported: 'Created the file {{file}}.',
    consentsTitle: 'Consent history',
    consentsIntro: 'Each time you gave or withdrew consent to the personal data notice.',
    consentsNone: 'No records.',
    colTime: 'Time',
    colPurpose: 'Consent to',
    colNotice: 'Notice version',
    colAction: 'Action',
    colIp: 'IP address',
    colDevice: 'Device',
    purposes: { privacy_notice: 'Personal data processing notice' },
    actions: { granted: 'Granted', withdrawn: 'Withdrawn' },
    printConsents: 'Print the consent history',
    printedFor: 'Account {{email}} — printed {{date}}',
    deleteTitle: 'Delete my account',
    deleteBody:
      'Your account, expert profile, profile history, sessions and consent history are erased for good and cannot be restored. The system log keeps only an anonymous record that an account was deleted.',
    deleteAdvice: 'Consider downloading your data first.',
    deletePhrase: 'DELETE MY ACCOUNT',
    deleteConfirmLabel: 'To confirm, type exactly: {{phrase}}',
    deleteConfirmMismatch: 'What you typed does not match.',
    deleteButton: 'Delete my account permanently',
  },
};
