import type { deAccount } from './de-account';

/** English messages of the account page and of forgotten passwords (docs/accounts.md). */
export const enAccount: Record<keyof typeof deAccount, string> = {
  'account.headerLink': 'My account',
  'account.title': 'My account',
  'account.intro': 'Your name, your organisation, your e-mail address, your password, your sign-ins on other devices, and deleting your account.',
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
  'account.password.changedAlone': 'Your password is changed. You were signed in only here.',

  'account.sessions.title': 'Sign-ins on other devices',
  'account.sessions.description':
    'Signed in on a shared or lost device? End every sign-in except this one. Pages open there close at once.',
  'account.sessions.submit': 'Sign out on all other devices',
  'account.sessions.ended.one': 'You are now signed out on all other devices (1 sign-in ended). Here you stay signed in.',
  'account.sessions.ended.other': 'You are now signed out on all other devices ({count} sign-ins ended). Here you stay signed in.',
  'account.sessions.none': 'You were not signed in on any other device. Here you stay signed in.',

  'account.confirmPassword': 'Password to confirm',
  'account.email.title': 'Change e-mail address',
  'account.email.description':
    'You will sign in with the new address; invitations and notifications go there. You will then be signed out on all other devices, and your previous address gets a message about the change (if this server sends e-mail).',
  'account.email.new': 'New e-mail address',
  'account.email.submit': 'Change e-mail address',
  'account.email.same': 'This is already the e-mail address of your account.',
  'account.email.taken': 'This e-mail address belongs to another account already.',
  'account.email.changed': 'Your e-mail address is now {email}; sign in with it from now on. All other sign-ins have ended ({count}).',
  'account.email.changedAlone': 'Your e-mail address is now {email}; sign in with it from now on.',

  'account.delete.title': 'Delete account',
  'account.delete.description': 'Deletes your Kapitel account for good.',
  'account.delete.goes':
    'Deleted are your name, your e-mail address, your organisation, your password, your sign-ins, your notifications and invitations to your address. Your memberships in projects end.',
  'account.delete.stays':
    'Your work stays for the others: your text in the report, your comments, review steps, versions, exports and images. Where your name was shown, it then says “Deleted account”.',
  'account.delete.final':
    'This cannot be undone. You can register again with your e-mail address later, but you will not get this account back.',
  'account.delete.left': 'You leave these projects:',
  'account.delete.deletedWith':
    'Nobody else is a member of these projects. They are deleted with your account, with all their sections, comments, versions, images and exports:',
  'account.delete.blocked.title': 'Your account cannot be deleted yet',
  'account.delete.blocked.text':
    'You are the only lead of these projects, in which others are still working. Appoint another lead there under “Members” first; then you can delete your account.',
  'account.delete.confirmation': 'To confirm, type {word}',
  'account.delete.word': 'DELETE',
  'account.delete.wrongWord': 'Type exactly {word} to delete the account.',
  'account.delete.submit': 'Delete account for good',

  'account.deleted.title': 'Your account is deleted',
  'account.deleted.text':
    'You are signed out and your personal data is removed. What you contributed to the reports stays for the others as “Deleted account”.',
  'account.deleted.toLogin': 'To the sign-in page',
  'account.deletedName': 'Deleted account',

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

  'error.ACCOUNT_SOLE_LEAD': 'You are the only lead of a project in which others are still working. Appoint another lead there first.',
  'error.WRONG_PASSWORD': 'The current password is not correct.',
  'error.RESET_LINK_INVALID': 'This reset link is not valid. Ask for a new one.',
  'error.RESET_LINK_EXPIRED': 'This reset link has expired. Ask for a new one.',
  'error.RESET_LINK_USED': 'This reset link has been used already, or the password has been changed since. Ask for a new one if you need to.',
};
