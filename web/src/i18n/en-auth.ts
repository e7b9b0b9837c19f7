import type { viAuth } from './vi-auth';

/** English: the sign-up, sign-in, e-mail verification, password reset and invitation pages. */
export const enAuth: typeof viAuth = {
  signUp: {
    title: 'Create an account',
    intro:
      'For intellectuals, experts and scientists who want to join the network. Staff accounts for agencies are created by an administrator through an invitation.',
    submit: 'Sign up',
    privacyTitle: 'Personal Data Processing Notice',
    privacyVersion: 'Version {{version}}',
    privacyUnavailable: 'The notice could not be loaded. You can read it on the Privacy page.',
    privacyPageLink: 'Open the Privacy page',
    doneTitle: 'Check your inbox',
    doneBody:
      'We have sent a verification e-mail to {{email}}. Open it and follow the link to activate your account. If you cannot find it, check your spam folder.',
    haveAccount: 'Already have an account?',
  },
  signIn: {
    title: 'Sign in',
    submit: 'Sign in',
    forgot: 'Forgot your password?',
    noAccount: 'No account yet?',
    unverifiedHelp: 'Open the verification e-mail we sent you, or ask for a new one.',
    resend: 'Resend verification e-mail',
    resendDone: 'If this address is registered and not yet verified, a new verification e-mail has been sent.',
    expired: 'Your session has ended. Please sign in again.',
  },
  verify: {
    title: 'Verify your e-mail address',
    pending: 'Verifying…',
    done: 'Your e-mail address is verified. You can now sign in.',
    missingToken: 'This link has no verification code. Please open the link from the e-mail again.',
    resendTitle: 'Resend the verification e-mail',
    resendIntro: 'Enter the e-mail address you signed up with to receive a new link.',
    resendSubmit: 'Resend',
  },
  forgot: {
    title: 'Forgot password',
    intro: 'Enter your account’s e-mail address. We will send you a link to reset your password.',
    submit: 'Send link',
    done: 'If this address has an account, we have sent instructions to reset the password. The link can be used only once.',
    back: 'Back to sign in',
  },
  reset: {
    title: 'Reset password',
    intro: 'Choose a new password for your account.',
    submit: 'Save new password',
    done: 'Your password has been reset. Please sign in with the new password.',
    missingToken: 'This link has no reset code. Please open the link from the e-mail again.',
    requestNew: 'Request a new link',
  },
  invitation: {
    title: 'Accept your invitation',
    intro: 'An administrator has created a staff account for you. Set a password to activate it.',
    submit: 'Activate account',
    done: 'Your account is active. Please sign in.',
    missingToken: 'This link has no invitation code. Please open the link from the invitation e-mail again.',
  },
};
