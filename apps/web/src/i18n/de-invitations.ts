/**
 * German messages of an invitation link's page (`/invite/:token`): what the link offers, and
 * why it cannot be accepted. Kept apart from de.ts. Spread into `de`, so that they are keys
 * of `Messages` like all others.
 */
export const deInvitations = {
  'invitationLink.title': 'Einladung',
  'invitationLink.offer': '{inviter} lädt Sie als {role} in das Projekt „{title}“ ein.',
  'invitationLink.facts': 'Angaben zur Einladung',
  'invitationLink.email': 'Gilt für die E-Mail-Adresse',
  'invitationLink.role': 'Rolle',
  'invitationLink.expiresAt': 'Gültig bis',
  'invitationLink.signedOut':
    'Melden Sie sich mit {email} an oder legen Sie mit dieser Adresse ein Konto an. Danach können Sie die Einladung annehmen.',
  'invitationLink.otherAccount.title': 'Sie sind mit einem anderen Konto angemeldet',
  'invitationLink.otherAccount.body':
    'Sie sind als {name} ({email}) angemeldet. Annehmen kann diese Einladung nur das Konto mit der Adresse {invited}.',
  'invitationLink.switchAccount': 'Abmelden und mit {email} anmelden',
  'invitationLink.member': 'Sie sind bereits Mitglied dieses Projekts.',
  'invitationLink.invalid.title': 'Dieser Einladungslink ist ungültig',
  'invitationLink.invalid.body':
    'Prüfen Sie, ob Sie den Link vollständig übernommen haben, oder bitten Sie die Projektleitung um eine neue Einladung.',
  'invitationLink.expired.title': 'Diese Einladung ist abgelaufen',
  'invitationLink.expired.body': 'Bitten Sie die Projektleitung um eine neue Einladung.',
  'invitationLink.used.title': 'Diese Einladung wurde bereits angenommen',
  'invitationLink.used.body':
    'Jeder Einladungslink gilt nur einmal. Wenn Sie ihn angenommen haben, finden Sie das Projekt unter Ihren Projekten.',
  'invitationLink.revoked.title': 'Diese Einladung wurde widerrufen',
  'invitationLink.revoked.body': 'Bitten Sie die Projektleitung bei Bedarf um eine neue Einladung.',
  'invitationLink.toProjects': 'Zu Ihren Projekten',
};
