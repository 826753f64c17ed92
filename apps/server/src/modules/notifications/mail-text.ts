import { commentExcerpt, type Language, type NotificationKind } from '@kapitel/domain';

/** What a notification e-mail is about, read inside the transaction that raised it. */
export interface MailFacts {
  kind: NotificationKind;
  language: Language;
  recipientName: string;
  projectTitle: string;
  sectionTitle: string | null;
  actorName: string | null;
  commentBody: string | null;
  /** The note of the review step (changes requested, no objections, reopen, withdrawal); null when none was given. */
  note: string | null;
  /** Link to the section in the web app; null when no origin is known. */
  link: string | null;
}

interface Words {
  someone: string;
  section: string;
  note: string;
  subject: Record<NotificationKind, (actor: string, section: string) => string>;
  hello: (name: string) => string;
  open: string;
  footer: (project: string) => string;
}

const WORDS: Record<Language, Words> = {
  de: {
    someone: 'Jemand',
    section: 'einem Abschnitt',
    note: 'Anmerkung:',
    subject: {
      mention: (actor, section) => `${actor} hat Sie in „${section}“ erwähnt`,
      reply: (actor, section) => `${actor} hat auf Ihren Kommentar in „${section}“ geantwortet`,
      assigned: (actor, section) => `${actor} hat Ihnen „${section}“ zugewiesen`,
      review_requested: (actor, section) => `${actor} hat „${section}“ zur Prüfung eingereicht`,
      changes_requested: (actor, section) => `${actor} hat Änderungen an „${section}“ angefordert`,
      approved: (actor, section) => `${actor} hat „${section}“ freigegeben`,
      no_objections: (actor, section) => `${actor} hat „${section}“ geprüft: keine Einwände`,
      reopened: (actor, section) => `${actor} hat „${section}“ wieder geöffnet`,
      withdrawn: (actor, section) => `${actor} hat „${section}“ aus der Prüfung zurückgezogen`,
      suggestion_accepted: (actor, section) => `${actor} hat Ihren Änderungsvorschlag in „${section}“ übernommen`,
      commented: (actor, section) => `${actor} hat Ihren Abschnitt „${section}“ kommentiert`,
      suggested: (actor, section) => `${actor} schlägt eine Änderung in Ihrem Abschnitt „${section}“ vor`,
    },
    hello: (name) => `Hallo ${name},`,
    open: 'Zum Abschnitt:',
    footer: (project) => `Kapitel · ${project}\nDiese Nachricht wurde automatisch versandt.`,
  },
  en: {
    someone: 'Someone',
    section: 'a section',
    note: 'Note:',
    subject: {
      mention: (actor, section) => `${actor} mentioned you in “${section}”`,
      reply: (actor, section) => `${actor} replied to your comment in “${section}”`,
      assigned: (actor, section) => `${actor} assigned “${section}” to you`,
      review_requested: (actor, section) => `${actor} submitted “${section}” for review`,
      changes_requested: (actor, section) => `${actor} requested changes to “${section}”`,
      approved: (actor, section) => `${actor} approved “${section}”`,
      no_objections: (actor, section) => `${actor} reviewed “${section}”: no objections`,
      reopened: (actor, section) => `${actor} reopened “${section}”`,
      withdrawn: (actor, section) => `${actor} withdrew “${section}” from review`,
      suggestion_accepted: (actor, section) => `${actor} accepted your suggested change in “${section}”`,
      commented: (actor, section) => `${actor} commented on your section “${section}”`,
      suggested: (actor, section) => `${actor} suggests a change in your section “${section}”`,
    },
    hello: (name) => `Hello ${name},`,
    open: 'Open the section:',
    footer: (project) => `Kapitel · ${project}\nThis message was sent automatically.`,
  },
};

/** One line of user text: no line breaks can reach a header. */
function oneLine(text: string, max = 200): string {
  return commentExcerpt(text, max);
}

/** Subject and plain-text body of a notification e-mail, in the project's language. */
export function composeMail(facts: MailFacts): { subject: string; text: string } {
  const words = WORDS[facts.language];
  const actor = oneLine(facts.actorName ?? words.someone, 120);
  const section = oneLine(facts.sectionTitle ?? words.section);
  const project = oneLine(facts.projectTitle);
  const line = words.subject[facts.kind](actor, section);
  const parts = [words.hello(oneLine(facts.recipientName, 120)), '', `${line}.`];
  // A suggested change may come without words of its own.
  if (facts.commentBody !== null && facts.commentBody.trim() !== '') {
    parts.push('', commentExcerpt(facts.commentBody, 500));
  }
  if (facts.note !== null) {
    // The body is plain text: the note keeps its line breaks, only the subject must not.
    parts.push('', words.note, facts.note);
  }
  if (facts.link !== null) {
    parts.push('', words.open, facts.link);
  }
  parts.push('', '-- ', words.footer(project));
  return { subject: `[${project}] ${line}`, text: parts.join('\n') };
}
