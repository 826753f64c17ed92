import { composeEmailChangedMail } from './account-mail.js';

describe('composeEmailChangedMail()', () => {
  it('tells the old address in German by default, names the new one, and carries no link', () => {
    const mail = composeEmailChangedMail('de', 'Anna Alt', 'anna.neu@example.org');
    expect(mail.subject).toBe('Kapitel: Ihre E-Mail-Adresse wurde geändert');
    expect(mail.text).toContain('Hallo Anna Alt,');
    expect(mail.text).toContain('Ihr Konto ist jetzt unter anna.neu@example.org angemeldet');
    expect(mail.text).toContain('wenden Sie sich bitte sofort an die Person, die Kapitel bei Ihnen betreibt');
    expect(mail.text).not.toMatch(/https?:\/\//);
  });

  it('keeps user text on one line of the mail', () => {
    const mail = composeEmailChangedMail('en', 'Eve\r\nBcc: x@example.org', 'new@example.org');
    expect(mail.text.split('\n')[0]).toBe('Hello Eve Bcc: x@example.org,');
  });
});
