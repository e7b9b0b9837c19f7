import type { viWelcome } from './vi-welcome';

/** English: the public home page and the signed-in greeting. */
export const enWelcome: typeof viWelcome = {
  home: {
    title: 'Hai Phong Expert Network',
    lead: 'A digital platform that connects intellectuals, experts and scientists with the agencies, departments and districts of Hai Phong city.',
    basis:
      'The network supports Plan 09/KH-UBND of 13 January 2020, in which the City People’s Committee carries out Conclusion 52-KL/TW of the Party Secretariat on building the country’s intellectual workforce.',
    purposeTitle: 'What the network is for',
    purposeRegistry: 'A registry of intellectuals and experts, filled in and kept up to date by the experts themselves.',
    purposeConsultation: 'Agency staff find experts by field, degree, place and language, and keep shortlists of experts to contact.',
    purposeCuration: 'The city’s Union of Science and Technology Associations gathers its members and verifies profiles and credentials.',
    purposePolicies: 'Consulting invitations, talent programs and award nominations will follow; this page lists only what works today.',
    audienceTitle: 'Who it is for',
    expertsTitle: 'Intellectuals, experts and scientists',
    expertsBody:
      'Build a professional profile, decide which parts are public, join associations and ask for your degrees and titles to be verified.',
    agenciesTitle: 'Agencies, units and districts',
    agenciesBody: 'Find the right experts by field, degree, language and place; keep them in shortlists and export them as CSV.',
    unionTitle: 'The Union of S&T Associations and its member associations',
    unionBody: 'Approve members, verify profile information, merge duplicate profiles and import member lists from files.',
    privacyNote:
      'Personal data is processed under Decree 13/2023/ND-CP on personal data protection: you can view, correct, download and delete your data.',
    ctaSignUp: 'Sign up as an expert',
    ctaSignIn: 'Sign in',
    ctaAccount: 'Go to my account',
    greeting: 'Hello, {{name}}',
    roleLead: 'Your work today',
    ctaProfile: 'Update my profile',
    accountDeleted: 'Your account and profile have been deleted. Thank you for taking part in the network.',
  },
};
