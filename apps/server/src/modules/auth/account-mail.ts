import type { Language } from '@kapitel/domain';

const WORDS: Record<Language, { subject: string; body: (name: string, newEmail: string) => string[] }> = {
  de: {
    subject: 'Kapitel: Ihre E-Mail-Adresse wurde geändert',
    body: (name, newEmail) => [
      `Hallo ${name},`,
      '',
      `Ihre E-Mail-Adresse bei Kapitel wurde geändert. Ihr Konto ist jetzt unter ${newEmail} angemeldet; an diese Adresse gehen keine Nachrichten von Kapitel mehr.`,
      '',
      'Dabei wurden alle anderen Anmeldungen Ihres Kontos beendet.',
      '',
      'Wenn Sie das nicht selbst waren, wenden Sie sich bitte sofort an die Person, die Kapitel bei Ihnen betreibt.',
      '',
      '-- ',
      'Kapitel',
      'Diese Nachricht wurde automatisch versandt.',
    ],
  },
  en: {
    subject: 'Kapitel: your e-mail address was changed',
    body: (name, newEmail) => [
      `Hello ${name},`,
      '',
      `The e-mail address of your Kapitel account was changed. Your account now signs in as ${newEmail}; Kapitel sends no more messages to this address.`,
      '',
      'All other sign-ins of your account were ended with it.',
      '',
      'If this was not you, please contact whoever runs Kapitel for you at once.',
      '',
      '-- ',
      'Kapitel',
      'This message was sent automatically.',
    ],
  },
};

/**
 * Subject and plain text of the notice to an account's old address after a change of address.
 * It carries no link (nothing to click that could undo or confirm anything): whoever did not
 * make the change is told to turn to the operator.
 */
export function composeEmailChangedMail(language: Language, recipientName: string, newEmail: string): { subject: string; text: string } {
  const words = WORDS[language];
  // Each is one line of user text; nothing of it may reach another line of the mail.
  const oneLine = (text: string, max: number): string => text.replace(/[\r\n\t]+/g, ' ').slice(0, max);
  return { subject: words.subject, text: words.body(oneLine(recipientName, 120), oneLine(newEmail, 320)).join('\n') };
}
