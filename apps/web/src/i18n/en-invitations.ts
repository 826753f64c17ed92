import type { deInvitations } from './de-invitations';

/** English messages of invitations (link page, getting the link to the person): exactly the German keys. */
export const enInvitations: Record<keyof typeof deInvitations, string> = {
  'invitationLink.title': 'Invitation',
  'invitationLink.offer': '{inviter} invites you to the project “{title}” as {role}.',
  'invitationLink.facts': 'About this invitation',
  'invitationLink.email': 'For the email address',
  'invitationLink.role': 'Role',
  'invitationLink.expiresAt': 'Valid until',
  'invitationLink.signedOut':
    'Sign in with {email} or create an account with this address. Then you can accept the invitation.',
  'invitationLink.otherAccount.title': 'You are signed in with a different account',
  'invitationLink.otherAccount.body':
    'You are signed in as {name} ({email}). Only the account with the address {invited} can accept this invitation.',
  'invitationLink.switchAccount': 'Sign out and sign in with {email}',
  'invitationLink.member': 'You are already a member of this project.',
  'invitationLink.invalid.title': 'This invitation link is not valid',
  'invitationLink.invalid.body':
    'Check that you copied the whole link, or ask the project lead for a new invitation.',
  'invitationLink.expired.title': 'This invitation has expired',
  'invitationLink.expired.body': 'Please ask the project lead for a new invitation.',
  'invitationLink.used.title': 'This invitation has already been accepted',
  'invitationLink.used.body':
    'Each invitation link works once. If you accepted it, you will find the project among your projects.',
  'invitationLink.revoked.title': 'This invitation link no longer works',
  'invitationLink.revoked.body':
    'The invitation was revoked or replaced by a newer link. If you received a newer invitation, use its link; otherwise ask the project lead for a new one if you need it.',
  'invitationLink.toProjects': 'Go to your projects',

  'invite.renewed': 'New link for {email} created. The previous link no longer works; the new one is valid until {date}.',
  'invite.delivery.sent': 'Kapitel has emailed the link to {email}; you do not need to pass it on yourself.',
  'invite.delivery.failed':
    'The email to {email} could not be sent: please pass the link on yourself, for example with the invitation text.',
  'invite.delivery.off':
    'This server does not send invitation emails: please pass the link on to {email} yourself, for example with the invitation text.',
  'invite.shownOnce':
    'The link is shown only now. If you need it again later, create a new one under “Open invitations”.',
  'invite.copyText': 'Copy invitation text',
  'invite.copiedText': 'Copied: the invitation text is on the clipboard.',
  'invite.copyTextFailed': 'Copying is not possible. The invitation text is selected below: copy it with Ctrl+C.',
  'invite.showText': 'Show invitation text',
  'invite.textLabel': 'Invitation text',
  'invite.text':
    'Hello,\n\nI would like to invite you to work on the report “{project}” in Kapitel, as {role}.\n\nAccept the invitation with this link:\n{link}\n\nThe link works until {date}, and only once. Only an account with the address {email} can accept it: sign in with it or create an account with it.\n\nKind regards\n{name}',

  'invitations.emailStatus': 'Email',
  'invitations.emailStatus.sent': 'Sent',
  'invitations.emailStatus.failed': 'Sending failed',
  'invitations.emailStatus.off': 'Not sent',
  'invitations.renew': 'Create new link',
  'invitations.renewFor': 'Create new link (invitation for {email})',
  'invitations.renewQuestion': 'Create a new link for {email}? The previous link will stop working.',
  'invitations.renewConfirm': 'Yes, create new link',
  'invitations.expired': 'Expired',
  'invitations.renewExpiredQuestion': 'Create a new link for {email}? It is valid for {days} days again.',
  'invitations.remove': 'Remove',
  'invitations.removeFor': 'Remove the expired invitation for {email}',
  'invitations.removeQuestion': 'Remove the expired invitation for {email} from the list?',
  'invitations.removeConfirm': 'Yes, remove',
  'invitations.removed': 'The expired invitation for {email} was removed.',
  'invitations.hint':
    'Invitation links are shown only when they are created. If someone needs a link again, create a new one: the previous one stops working and the {days} days start again. The same happens when you invite the same address again. Expired invitations stay in the list for {expiredDays} days.',
};
