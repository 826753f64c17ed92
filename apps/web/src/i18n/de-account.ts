/** German messages of the account page and of forgotten passwords (docs/accounts.md). */
export const deAccount = {
  'account.headerLink': 'Mein Konto',
  'account.title': 'Mein Konto',
  'account.intro': 'Ihr Name, Ihre Organisation, Ihr Passwort und Ihre Anmeldungen auf anderen Geräten.',
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

  'account.sessions.title': 'Anmeldungen auf anderen Geräten',
  'account.sessions.description':
    'Haben Sie sich an einem fremden oder verlorenen Gerät angemeldet? Beenden Sie alle Anmeldungen außer dieser. Offene Seiten dort werden sofort geschlossen.',
  'account.sessions.submit': 'Auf allen anderen Geräten abmelden',
  'account.sessions.ended.one': 'Sie sind jetzt auf allen anderen Geräten abgemeldet (1 Anmeldung beendet). Hier bleiben Sie angemeldet.',
  'account.sessions.ended.other':
    'Sie sind jetzt auf allen anderen Geräten abgemeldet ({count} Anmeldungen beendet). Hier bleiben Sie angemeldet.',
  'account.sessions.none': 'Sie waren auf keinem anderen Gerät angemeldet. Hier bleiben Sie angemeldet.',

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

  'error.WRONG_PASSWORD': 'Das aktuelle Passwort ist nicht korrekt.',
  'error.RESET_LINK_INVALID': 'Dieser Link zum Zurücksetzen ist nicht gültig. Fordern Sie einen neuen an.',
  'error.RESET_LINK_EXPIRED': 'Dieser Link zum Zurücksetzen ist abgelaufen. Fordern Sie einen neuen an.',
  'error.RESET_LINK_USED':
    'Dieser Link zum Zurücksetzen wurde schon verwendet, oder das Passwort wurde inzwischen geändert. Fordern Sie bei Bedarf einen neuen an.',
} as const;
