import type { deAccount } from './de-account';

/** English messages of the account page and of forgotten passwords (docs/accounts.md). */
export const enAccount: Record<keyof typeof deAccount, string> = {
  'account.headerLink': 'My account',
  'account.title': 'My account',
  'account.intro': 'Your name, your organisation, your password and your sign-ins on other devices.',
  'account.email': 'E-mail address: {email}',

  'account.profile.title': 'Name and organisation',
  'account.profile.description': 'This is how other contributors see you in projects, comments and notifications.',
  'account.profile.submit': 'Save',
  'account.profile.saved': 'Saved: your name and organisation are updated.',

  'account.password.title': 'Change password',
  'account.password.description': 'You will then be signed out on all other devices and browsers; here you stay signed in.',
  'account.password.current': 'Current password',
  'account.password.new': 'New password',
  'account.password.submit': 'Change password',
  'account.password.changed': 'Your password is changed. All other sign-ins have ended ({count}).',

  'account.sessions.title': 'Sign-ins on other devices',
  'account.sessions.description':
    'Signed in on a shared or lost device? End every sign-in except this one. Pages open there close at once.',
  'account.sessions.submit': 'Sign out on all other devices',
  'account.sessions.ended.one': 'You are now signed out on all other devices (1 sign-in ended). Here you stay signed in.',
  'account.sessions.ended.other': 'You are now signed out on all other devices ({count} sign-ins ended). Here you stay signed in.',
  'account.sessions.none': 'You were not signed in on any other device. Here you stay signed in.',

  'auth.forgot.link': 'Forgot your password?',
  'auth.forgot.title': 'Forgotten password',
  'auth.forgot.intro': 'Enter the e-mail address of your account. We will send you a link to set a new password.',
  'auth.forgot.submit': 'Send link',
  'auth.forgot.sent':
    'If there is an account for {email}, an e-mail with a link is on its way. The link works for {minutes} minutes and only once. Check your spam folder too.',
  'auth.forgot.noEmail.title': 'This server sends no e-mail',
  'auth.forgot.noEmail.text':
    'Ask the person who runs Kapitel for you for a link to reset your password. They can make one for your e-mail address.',
  'auth.forgot.toLogin': 'Back to sign-in',

  'auth.reset.title': 'Set a new password',
  'auth.reset.intro': 'You will then be signed out everywhere and sign in again with the new password.',
  'auth.reset.submit': 'Save password',
  'auth.reset.noToken': 'Part of this link is missing. Open the whole link from the e-mail, or ask for a new one.',
  'auth.reset.requestNew': 'Ask for a new link',
  'auth.reset.done': 'Your password is changed. Sign in with the new password now.',

  'error.WRONG_PASSWORD': 'The current password is not correct.',
  'error.RESET_LINK_INVALID': 'This reset link is not valid. Ask for a new one.',
  'error.RESET_LINK_EXPIRED': 'This reset link has expired. Ask for a new one.',
  'error.RESET_LINK_USED': 'This reset link has been used already, or the password has been changed since. Ask for a new one if you need to.',
};
