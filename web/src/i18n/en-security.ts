import type { viSecurity } from './vi-security';

/** English: two-step sign-in (account page, sign-in second step); i18n/parts/security.ts; errors.mfa is in en.ts. */
export const enSecurity: typeof viSecurity = {
  security: {
    title: 'Two-step sign-in',
    intro:
      'Besides your password, each sign-in asks for a 6-digit code from an authenticator app on your phone (Google Authenticator, Microsoft Authenticator, 2FAS…).',
    requiredNotice: 'Your role must use two-step sign-in. Set it up now to keep using the management functions.',
    step1: 'Install an authenticator app on your phone.',
    step2: 'In the app, add an account and scan this QR code.',
    step3: 'Enter the 6-digit code the app shows to confirm.',
    manualKey: 'Cannot scan? Enter this key in the app:',
    qrAlt: 'QR code to add the account to an authenticator app',
    code: '6-digit code',
    enable: 'Turn on two-step sign-in',
    on: 'On',
    codesLeft: '{{count}} unused recovery codes left.',
    codesTitle: 'Recovery codes.',
    codesIntro: 'Each code signs you in once when you do not have your phone. Keep them somewhere safe: they are shown only once.',
    codesFileTitle: 'Hai Phong Expert Network — two-step sign-in recovery codes (each works once)',
    copy: 'Copy',
    copied: 'Copied',
    download: 'Download (.txt)',
    codesSaved: 'I have saved the codes',
    regenerateTitle: 'New recovery codes',
    regenerate: 'Make new codes (the old ones stop working)',
    codeOrRecovery: 'Code from the app or a recovery code',
    disableTitle: 'Turn off two-step sign-in',
    disable: 'Turn off two-step sign-in',
    policyTitle: 'Require two-step sign-in by role',
    policyIntro:
      'Administrators always need two-step sign-in. Choose the staff roles that must use it too: they will be asked to set it up before they continue.',
    policySave: 'Save',
    policySaved: 'Saved.',
    cannotDisable: 'Your role must use two-step sign-in, so it cannot be turned off.',
  },
  signInMfa: {
    mfaTitle: 'Confirm your sign-in',
    mfaIntro: 'Open the authenticator app on your phone and enter the 6-digit code for the Hai Phong Expert Network.',
    mfaCode: 'Verification code',
    mfaHint: 'No phone? Enter one of your saved recovery codes.',
    mfaSubmit: 'Verify',
    mfaRestart: 'Sign in again',
  },
};
