import { composeMail, type MailFacts } from './mail-text.js';

const facts: MailFacts = {
  kind: 'mention',
  language: 'de',
  recipientName: 'Anna Autorin',
  projectTitle: 'Bericht 2027',
  sectionTitle: 'Ausgangslage',
  actorName: 'Rita Prüferin',
  commentBody: 'Bitte\n\nQuelle ergänzen',
  note: null,
  link: 'https://kapitel.example.org/projects/p/sections/s',
};

describe('composeMail', () => {
  it('writes German by default, with the comment and the link', () => {
    expect(composeMail(facts)).toEqual({
      subject: '[Bericht 2027] Rita Prüferin hat Sie in „Ausgangslage“ erwähnt',
      text: [
        'Hallo Anna Autorin,',
        '',
        'Rita Prüferin hat Sie in „Ausgangslage“ erwähnt.',
        '',
        'Bitte Quelle ergänzen',
        '',
        'Zum Abschnitt:',
        'https://kapitel.example.org/projects/p/sections/s',
        '',
        '-- ',
        'Kapitel · Bericht 2027',
        'Diese Nachricht wurde automatisch versandt.',
      ].join('\n'),
    });
  });

  it.each([
    ['mention', 'Rita Prüferin mentioned you in “Ausgangslage”'],
    ['reply', 'Rita Prüferin replied to your comment in “Ausgangslage”'],
    ['assigned', 'Rita Prüferin assigned “Ausgangslage” to you'],
    ['review_requested', 'Rita Prüferin submitted “Ausgangslage” for review'],
    ['changes_requested', 'Rita Prüferin requested changes to “Ausgangslage”'],
    ['approved', 'Rita Prüferin approved “Ausgangslage”'],
    ['no_objections', 'Rita Prüferin reviewed “Ausgangslage”: no objections'],
    ['reopened', 'Rita Prüferin reopened “Ausgangslage”'],
    ['withdrawn', 'Rita Prüferin withdrew “Ausgangslage” from review'],
  ] as const)('says %s in English', (kind, line) => {
    const mail = composeMail({ ...facts, kind, language: 'en', commentBody: null });
    expect(mail.subject).toBe(`[Bericht 2027] ${line}`);
    expect(mail.text).toContain(`Hello Anna Autorin,\n\n${line}.\n\nOpen the section:\n`);
  });

  it('quotes the note of a review step with its line breaks, in the body only', () => {
    const mail = composeMail({
      ...facts,
      kind: 'reopened',
      commentBody: null,
      note: 'Neue Zahlen 2027.\nBitte Tabelle 2 anpassen.',
    });
    expect(mail.subject).toBe('[Bericht 2027] Rita Prüferin hat „Ausgangslage“ wieder geöffnet');
    expect(mail.text).toContain(
      'Rita Prüferin hat „Ausgangslage“ wieder geöffnet.\n\nAnmerkung:\nNeue Zahlen 2027.\nBitte Tabelle 2 anpassen.\n\nZum Abschnitt:',
    );
  });

  it('quotes what a reviewer asks for when requesting changes', () => {
    const mail = composeMail({
      ...facts,
      kind: 'changes_requested',
      commentBody: null,
      note: 'Bitte die Tabelle um die Spalte „Jahr“ ergänzen.',
    });
    expect(mail.subject).toBe('[Bericht 2027] Rita Prüferin hat Änderungen an „Ausgangslage“ angefordert');
    expect(mail.text).toContain(
      'Rita Prüferin hat Änderungen an „Ausgangslage“ angefordert.\n\nAnmerkung:\nBitte die Tabelle um die Spalte „Jahr“ ergänzen.\n\nZum Abschnitt:',
    );
  });

  it('tells a reviewer in German that a submission was withdrawn', () => {
    const mail = composeMail({ ...facts, kind: 'withdrawn', commentBody: null, note: null });
    expect(mail.subject).toBe('[Bericht 2027] Rita Prüferin hat „Ausgangslage“ aus der Prüfung zurückgezogen');
  });

  it('keeps line breaks of titles and names out of the subject, and copes with what is gone', () => {
    const mail = composeMail({
      ...facts,
      projectTitle: 'Bericht\r\nBcc: x@example.org',
      actorName: null,
      sectionTitle: null,
      link: null,
    });
    expect(mail.subject).toBe('[Bericht Bcc: x@example.org] Jemand hat Sie in „einem Abschnitt“ erwähnt');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text).not.toContain('Zum Abschnitt:');
  });
});
