/**
 * German messages of invitations kept apart from de.ts: the link's page (`/invite/:token`:
 * what the link offers, why it cannot be accepted) and how a lead gets a link to the invited
 * person (e-mail, copying, a new link). Spread into `de`, so that they are keys of `Messages`
 * like all others.
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
  'invitationLink.revoked.title': 'Dieser Einladungslink gilt nicht mehr',
  'invitationLink.revoked.body':
    'Die Einladung wurde widerrufen oder durch einen neueren Link ersetzt. Haben Sie eine neuere Einladung erhalten, nutzen Sie deren Link; sonst bitten Sie die Projektleitung bei Bedarf um eine neue.',
  'invitationLink.toProjects': 'Zu Ihren Projekten',

  'invite.renewed': 'Neuer Link für {email} erzeugt. Der bisherige Link gilt nicht mehr, der neue bis {date}.',
  'invite.delivery.sent': 'Kapitel hat den Link per E-Mail an {email} geschickt; Sie müssen ihn nicht selbst weitergeben.',
  'invite.delivery.failed':
    'Die E-Mail an {email} konnte nicht gesendet werden: Bitte geben Sie den Link selbst weiter, etwa mit dem Einladungstext.',
  'invite.delivery.off':
    'Dieser Server verschickt keine Einladungs-E-Mails: Bitte geben Sie den Link selbst an {email} weiter, etwa mit dem Einladungstext.',
  'invite.shownOnce':
    'Der Link wird nur jetzt angezeigt. Brauchen Sie ihn später noch einmal, erzeugen Sie unter „Offene Einladungen“ einen neuen.',
  'invite.copyText': 'Einladungstext kopieren',
  'invite.copiedText': 'Kopiert: Der Einladungstext ist in der Zwischenablage.',
  'invite.copyTextFailed':
    'Kopieren nicht möglich. Der Einladungstext ist unten markiert: Kopieren Sie ihn mit Strg+C.',
  'invite.showText': 'Einladungstext ansehen',
  'invite.textLabel': 'Einladungstext',
  'invite.text':
    'Guten Tag,\n\nich lade Sie ein, in Kapitel am Bericht „{project}“ mitzuarbeiten, als {role}.\n\nMit diesem Link nehmen Sie die Einladung an:\n{link}\n\nDer Link gilt bis {date} und nur einmal. Annehmen kann ihn nur ein Konto mit der Adresse {email}: Melden Sie sich damit an oder legen Sie damit ein Konto an.\n\nViele Grüße\n{name}',

  'invitations.emailStatus': 'E-Mail',
  'invitations.emailStatus.sent': 'Gesendet',
  'invitations.emailStatus.failed': 'Versand fehlgeschlagen',
  'invitations.emailStatus.off': 'Nicht gesendet',
  'invitations.renew': 'Neuen Link erzeugen',
  'invitations.renewFor': 'Neuen Link erzeugen (Einladung für {email})',
  'invitations.renewQuestion': 'Neuen Link für {email} erzeugen? Der bisherige Link funktioniert dann nicht mehr.',
  'invitations.renewConfirm': 'Ja, neuen Link erzeugen',
  'invitations.expired': 'Abgelaufen',
  'invitations.renewExpiredQuestion': 'Neuen Link für {email} erzeugen? Er gilt wieder {days} Tage.',
  'invitations.remove': 'Entfernen',
  'invitations.removeFor': 'Abgelaufene Einladung für {email} entfernen',
  'invitations.removeQuestion': 'Abgelaufene Einladung für {email} aus der Liste entfernen?',
  'invitations.removeConfirm': 'Ja, entfernen',
  'invitations.removed': 'Die abgelaufene Einladung für {email} wurde entfernt.',
  'invitations.hint':
    'Einladungslinks werden nur beim Erstellen angezeigt. Braucht jemand einen Link noch einmal, erzeugen Sie einen neuen: Der bisherige gilt dann nicht mehr, und die {days} Tage beginnen neu. Dasselbe geschieht, wenn Sie dieselbe Adresse noch einmal einladen. Abgelaufene Einladungen bleiben {expiredDays} Tage in der Liste.',
};
