import { composeInvitationMail, type InvitationMailFacts } from './invitation-mail.js';

const FACTS: InvitationMailFacts = {
  language: 'de',
  projectTitle: 'Wärmeplanung 2026',
  inviterName: 'Lea Leitung',
  inviterEmail: 'lea@beispielkreis.de',
  email: 'ali@beispielkreis.de',
  role: 'author',
  link: 'https://kapitel.example.org/invite/abc',
  // 13:00 in Berlin in winter (CET), 14:00 in summer.
  expiresAt: new Date('2026-03-05T12:00:00Z'),
};

describe('the invitation e-mail', () => {
  it('says in German who invites to which project in which role, with the link, the expiry in German time and what to do if unexpected', () => {
    const mail = composeInvitationMail(FACTS);
    expect(mail.subject).toBe('Einladung zum Projekt „Wärmeplanung 2026“ in Kapitel');
    expect(mail.text).toContain('Lea Leitung (lea@beispielkreis.de) lädt Sie ein, am Bericht „Wärmeplanung 2026“ in Kapitel mitzuarbeiten.');
    expect(mail.text).toContain('Ihre Rolle: Autorin/Autor (schreibt die zugewiesenen Abschnitte)');
    expect(mail.text).toContain('\nhttps://kapitel.example.org/invite/abc\n');
    expect(mail.text).toContain('Der Link gilt bis 5. März 2026 um 13:00 (MEZ) und nur einmal.');
    expect(mail.text).toContain('Annehmen kann ihn nur ein Konto mit der Adresse ali@beispielkreis.de');
    expect(mail.text).toContain('Wenn Sie diese Einladung nicht erwartet haben, können Sie diese Nachricht ignorieren');
  });

  it('is written in English for an English project, with the summer time zone when it applies', () => {
    const mail = composeInvitationMail({ ...FACTS, language: 'en', role: 'reviewer', expiresAt: new Date('2026-07-01T12:00:00Z') });
    expect(mail.subject).toBe('Invitation to the project “Wärmeplanung 2026” in Kapitel');
    expect(mail.text).toContain('Your role: Reviewer (comments and requests changes)');
    expect(mail.text).toContain('The link works until 1 July 2026 at 14:00 (CEST) and only once.');
    expect(mail.text).toContain('If you did not expect this invitation, you can ignore this message');
  });

  it('keeps line breaks in a title or name from starting new lines of the mail', () => {
    const mail = composeInvitationMail({ ...FACTS, projectTitle: 'Bericht\r\nBcc: x@example.org', inviterName: 'Lea\nLeitung' });
    expect(mail.subject).toBe('Einladung zum Projekt „Bericht Bcc: x@example.org“ in Kapitel');
    expect(mail.text).not.toContain('\nBcc:');
    expect(mail.text).toContain('Lea Leitung (lea@beispielkreis.de)');
  });
});
