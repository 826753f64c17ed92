import type { deInvitations } from './de-invitations';

/** English messages of an invitation link's page: exactly the German keys. */
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
  'invitationLink.revoked.title': 'This invitation has been revoked',
  'invitationLink.revoked.body': 'Ask the project lead for a new invitation if you need one.',
  'invitationLink.toProjects': 'Go to your projects',
};
