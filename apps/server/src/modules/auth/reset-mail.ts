import { PASSWORD_RESET_VALID_MINUTES, type Language } from '@kapitel/domain';

const WORDS: Record<Language, { subject: string; body: (name: string, link: string, minutes: number) => string[] }> = {
  de: {
    subject: 'Kapitel: Passwort zurücksetzen',
    body: (name, link, minutes) => [
      `Hallo ${name},`,
      '',
      'für Ihr Konto bei Kapitel wurde ein neues Passwort angefordert. Über diesen Link legen Sie es fest:',
      '',
      link,
      '',
      `Der Link gilt ${minutes} Minuten und nur einmal. Danach sind Sie überall abgemeldet und melden sich mit dem neuen Passwort wieder an.`,
      '',
      'Wenn Sie das nicht angefordert haben, können Sie diese Nachricht ignorieren: Ihr Passwort bleibt, wie es ist.',
      '',
      '-- ',
      'Kapitel',
      'Diese Nachricht wurde automatisch versandt.',
    ],
  },
  en: {
    subject: 'Kapitel: reset your password',
    body: (name, link, minutes) => [
      `Hello ${name},`,
      '',
      'A new password was requested for your Kapitel account. Set it with this link:',
      '',
      link,
      '',
      `The link works for ${minutes} minutes and only once. Afterwards you are signed out everywhere and sign in again with the new password.`,
      '',
      'If you did not ask for this, you can ignore this message: your password stays as it is.',
      '',
      '-- ',
      'Kapitel',
      'This message was sent automatically.',
    ],
  },
};

/** Subject and plain-text body of a password reset e-mail. */
export function composeResetMail(language: Language, recipientName: string, link: string): { subject: string; text: string } {
  const words = WORDS[language];
  // A name is one line of user text; nothing of it may reach another line of the mail.
  const name = recipientName.replace(/[\r\n\t]+/g, ' ').slice(0, 120);
  return { subject: words.subject, text: words.body(name, link, PASSWORD_RESET_VALID_MINUTES).join('\n') };
}
