/** German messages of the account page and of forgotten passwords (docs/accounts.md). */
export const deAccount = {
  'account.headerLink': 'Mein Konto',
  'account.title': 'Mein Konto',
  'account.intro': 'Ihr Name, Ihre Organisation, Ihre E-Mail-Adresse, Ihr Passwort, Ihre Anmeldungen auf anderen Geräten und das Löschen Ihres Kontos.',
  'account.email': 'E-Mail-Adresse: {email}',

  'account.profile.title': 'Name und Organisation',
  'account.profile.description': 'So sehen die anderen Mitwirkenden Sie in Projekten, Kommentaren und Benachrichtigungen.',
  'account.profile.submit': 'Speichern',
  'account.profile.saved': 'Gespeichert: Name und Organisation sind aktualisiert.',

  'account.password.title': 'Passwort ändern',
  'account.password.description': 'Danach sind Sie auf allen anderen Geräten und in anderen Browsern abgemeldet; hier bleiben Sie angemeldet.',
  'account.password.current': 'Aktuelles Passwort',
  'account.password.new': 'Neues Passwort',
  'account.password.submit': 'Passwort ändern',
  'account.password.changed': 'Ihr Passwort ist geändert. Alle anderen Anmeldungen sind beendet ({count}).',
  'account.password.changedAlone': 'Ihr Passwort ist geändert. Angemeldet waren Sie nur hier.',

  'account.sessions.title': 'Anmeldungen auf anderen Geräten',
  'account.sessions.description':
    'Haben Sie sich an einem fremden oder verlorenen Gerät angemeldet? Beenden Sie alle Anmeldungen außer dieser. Offene Seiten dort werden sofort geschlossen.',
  'account.sessions.submit': 'Auf allen anderen Geräten abmelden',
  'account.sessions.ended.one': 'Sie sind jetzt auf allen anderen Geräten abgemeldet (1 Anmeldung beendet). Hier bleiben Sie angemeldet.',
  'account.sessions.ended.other':
    'Sie sind jetzt auf allen anderen Geräten abgemeldet ({count} Anmeldungen beendet). Hier bleiben Sie angemeldet.',
  'account.sessions.none': 'Sie waren auf keinem anderen Gerät angemeldet. Hier bleiben Sie angemeldet.',

  // Not "Aktuelles Passwort": that field changes the password, and each field's name is its own.
  'account.confirmPassword': 'Passwort zur Bestätigung',
  'account.email.title': 'E-Mail-Adresse ändern',
  'account.email.description':
    'Mit der neuen Adresse melden Sie sich künftig an; Einladungen und Benachrichtigungen gehen dorthin. Danach sind Sie auf allen anderen Geräten abgemeldet, und Ihre bisherige Adresse erhält eine Nachricht über die Änderung (wenn dieser Server E-Mails verschickt).',
  'account.email.new': 'Neue E-Mail-Adresse',
  'account.email.submit': 'E-Mail-Adresse ändern',
  'account.email.same': 'Das ist bereits die E-Mail-Adresse Ihres Kontos.',
  'account.email.taken': 'Diese E-Mail-Adresse gehört schon zu einem anderen Konto.',
  'account.email.changed':
    'Ihre E-Mail-Adresse ist jetzt {email}; melden Sie sich künftig damit an. Alle anderen Anmeldungen sind beendet ({count}).',
  'account.email.changedAlone': 'Ihre E-Mail-Adresse ist jetzt {email}; melden Sie sich künftig damit an.',

  'account.delete.title': 'Konto löschen',
  'account.delete.description': 'Löscht Ihr Konto bei Kapitel endgültig.',
  'account.delete.goes':
    'Gelöscht werden Ihr Name, Ihre E-Mail-Adresse, Ihre Organisation, Ihr Passwort, Ihre Anmeldungen, Ihre Benachrichtigungen und Einladungen an Ihre Adresse. Ihre Mitgliedschaften in Projekten enden.',
  'account.delete.stays':
    'Ihre Arbeit bleibt den anderen erhalten: Ihr Text im Bericht, Ihre Kommentare, Prüfschritte, Versionen, Exporte und Bilder. Wo bisher Ihr Name stand, steht dann „Gelöschtes Konto“.',
  'account.delete.final':
    'Das lässt sich nicht rückgängig machen. Mit Ihrer E-Mail-Adresse können Sie sich später neu registrieren, bekommen dieses Konto aber nicht zurück.',
  'account.delete.left': 'Sie verlassen diese Projekte:',
  'account.delete.deletedWith':
    'In diesen Projekten ist sonst niemand Mitglied. Sie werden mit Ihrem Konto gelöscht, mit allen Abschnitten, Kommentaren, Versionen, Bildern und Exporten:',
  'account.delete.blocked.title': 'Ihr Konto kann noch nicht gelöscht werden',
  'account.delete.blocked.text':
    'Sie sind die einzige Projektleitung dieser Projekte, in denen noch andere mitarbeiten. Ernennen Sie dort unter „Mitglieder“ zuerst eine weitere Projektleitung; danach können Sie Ihr Konto löschen.',
  'account.delete.confirmation': 'Geben Sie zur Bestätigung {word} ein',
  'account.delete.word': 'LÖSCHEN',
  'account.delete.wrongWord': 'Geben Sie genau {word} ein, um das Konto zu löschen.',
  'account.delete.submit': 'Konto endgültig löschen',

  'account.deleted.title': 'Ihr Konto ist gelöscht',
  'account.deleted.text':
    'Sie sind abgemeldet, und Ihre persönlichen Daten sind entfernt. Was Sie zu den Berichten beigetragen haben, bleibt den anderen unter „Gelöschtes Konto“ erhalten.',
  'account.deleted.toLogin': 'Zur Anmeldung',
  'account.deletedName': 'Gelöschtes Konto',

  'auth.forgot.link': 'Passwort vergessen?',
  'auth.forgot.title': 'Passwort vergessen',
  'auth.forgot.intro': 'Geben Sie die E-Mail-Adresse Ihres Kontos an. Wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort festlegen.',
  'auth.forgot.submit': 'Link anfordern',
  'auth.forgot.sent':
    'Wenn es für {email} ein Konto gibt, ist eine E-Mail mit einem Link unterwegs. Der Link gilt {minutes} Minuten und nur einmal. Sehen Sie auch im Spam-Ordner nach.',
  'auth.forgot.noEmail.title': 'Dieser Server verschickt keine E-Mails',
  'auth.forgot.noEmail.text':
    'Bitten Sie die Person, die Kapitel bei Ihnen betreibt, um einen Link zum Zurücksetzen Ihres Passworts. Sie kann ihn für Ihre E-Mail-Adresse erstellen.',
  'auth.forgot.toLogin': 'Zurück zur Anmeldung',

  'auth.reset.title': 'Neues Passwort festlegen',
  'auth.reset.intro': 'Danach sind Sie überall abgemeldet und melden sich mit dem neuen Passwort wieder an.',
  'auth.reset.submit': 'Passwort speichern',
  'auth.reset.noToken': 'Diesem Link fehlt ein Teil. Öffnen Sie den Link aus der E-Mail vollständig oder fordern Sie einen neuen an.',
  'auth.reset.requestNew': 'Neuen Link anfordern',
  'auth.reset.done': 'Ihr Passwort ist geändert. Melden Sie sich jetzt mit dem neuen Passwort an.',

  'error.ACCOUNT_SOLE_LEAD':
    'Sie sind die einzige Projektleitung eines Projekts, in dem noch andere mitarbeiten. Ernennen Sie dort zuerst eine weitere Projektleitung.',
  'error.WRONG_PASSWORD': 'Das aktuelle Passwort ist nicht korrekt.',
  'error.RESET_LINK_INVALID': 'Dieser Link zum Zurücksetzen ist nicht gültig. Fordern Sie einen neuen an.',
  'error.RESET_LINK_EXPIRED': 'Dieser Link zum Zurücksetzen ist abgelaufen. Fordern Sie einen neuen an.',
  'error.RESET_LINK_USED':
    'Dieser Link zum Zurücksetzen wurde schon verwendet, oder das Passwort wurde inzwischen geändert. Fordern Sie bei Bedarf einen neuen an.',
} as const;
