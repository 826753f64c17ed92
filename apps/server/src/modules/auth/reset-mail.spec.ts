import { composeResetMail } from './reset-mail.js';

describe('composeResetMail()', () => {
  it('greets by name, gives the link on a line of its own and says how long it works', () => {
    const { subject, text } = composeResetMail('de', 'Anna Schmidt', 'https://k.example/reset-password?token=t');
    expect(subject).toBe('Kapitel: Passwort zurücksetzen');
    const lines = text.split('\n');
    expect(lines[0]).toBe('Hallo Anna Schmidt,');
    expect(lines).toContain('https://k.example/reset-password?token=t');
    expect(text).toContain('60 Minuten');
  });

  it('keeps a name with line breaks on its one line', () => {
    const { text } = composeResetMail('en', 'Eve\r\nBcc: x@example.org', 'https://k.example/x');
    expect(text.split('\n')[0]).toBe('Hello Eve Bcc: x@example.org,');
  });
});
