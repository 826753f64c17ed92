import type { Language, Role } from '@kapitel/domain';

/** What an invitation e-mail says: who invites whom to which project, in which role, until when. */
export interface InvitationMailFacts {
  language: Language;
  projectTitle: string;
  inviterName: string;
  inviterEmail: string;
  email: string;
  role: Role;
  link: string;
  expiresAt: Date;
}

interface Words {
  subject: (project: string) => string;
  locale: string;
  body: (facts: InvitationMailFacts, role: string, until: string) => string[];
  roles: Record<Role, string>;
}

const WORDS: Record<Language, Words> = {
  de: {
    subject: (project) => `Einladung zum Projekt „${project}“ in Kapitel`,
    locale: 'de-DE',
    roles: {
      lead: 'Projektleitung (verwaltet Gliederung, Mitglieder und Freigaben)',
      author: 'Autorin/Autor (schreibt die zugewiesenen Abschnitte)',
      reviewer: 'Prüferin/Prüfer (kommentiert und fordert Änderungen an)',
      reader: 'Leserin/Leser (liest mit, ohne zu ändern)',
    },
    body: (facts, role, until) => [
      'Guten Tag,',
      '',
      `${facts.inviterName} (${facts.inviterEmail}) lädt Sie ein, am Bericht „${facts.projectTitle}“ in Kapitel mitzuarbeiten.`,
      '',
      `Ihre Rolle: ${role}`,
      '',
      'Mit diesem Link sehen Sie die Einladung an und nehmen sie an:',
      '',
      facts.link,
      '',
      `Der Link gilt bis ${until} und nur einmal. Annehmen kann ihn nur ein Konto mit der Adresse ${facts.email}: Melden Sie sich damit an oder legen Sie damit ein Konto an.`,
      '',
      `Wenn Sie diese Einladung nicht erwartet haben, können Sie diese Nachricht ignorieren: Ohne den Link geschieht nichts. Bei Fragen wenden Sie sich an ${facts.inviterName}.`,
      '',
      '-- ',
      'Kapitel',
      'Diese Nachricht wurde automatisch versandt.',
    ],
  },
  en: {
    subject: (project) => `Invitation to the project “${project}” in Kapitel`,
    locale: 'en-GB',
    roles: {
      lead: 'Project lead (manages the outline, members and approvals)',
      author: 'Author (writes the assigned sections)',
      reviewer: 'Reviewer (comments and requests changes)',
      reader: 'Reader (reads along without changing anything)',
    },
    body: (facts, role, until) => [
      'Hello,',
      '',
      `${facts.inviterName} (${facts.inviterEmail}) invites you to work on the report “${facts.projectTitle}” in Kapitel.`,
      '',
      `Your role: ${role}`,
      '',
      'With this link you see the invitation and accept it:',
      '',
      facts.link,
      '',
      `The link works until ${until} and only once. Only an account with the address ${facts.email} can accept it: sign in with it or create an account with it.`,
      '',
      `If you did not expect this invitation, you can ignore this message: nothing happens without the link. If you have questions, please contact ${facts.inviterName}.`,
      '',
      '-- ',
      'Kapitel',
      'This message was sent automatically.',
    ],
  },
};

/** One line of user text; nothing of it may reach another line or header of the mail. */
function oneLine(text: string, max: number): string {
  return text.replace(/[\r\n\t]+/g, ' ').slice(0, max);
}

/**
 * Subject and plain-text body of an invitation e-mail, in the project's language. The expiry
 * is given in German time (the zone of the municipalities Kapitel is made for), named, so
 * that a reader elsewhere is not misled.
 */
export function composeInvitationMail(facts: InvitationMailFacts): { subject: string; text: string } {
  const words = WORDS[facts.language];
  const clean: InvitationMailFacts = {
    ...facts,
    projectTitle: oneLine(facts.projectTitle, 200),
    inviterName: oneLine(facts.inviterName, 120),
  };
  const until = new Intl.DateTimeFormat(words.locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(facts.expiresAt);
  const zone = new Intl.DateTimeFormat(words.locale, { timeZone: 'Europe/Berlin', timeZoneName: 'short' })
    .formatToParts(facts.expiresAt)
    .find((part) => part.type === 'timeZoneName')?.value;
  const untilWithZone = zone ? `${until} (${zone})` : until;
  return {
    subject: words.subject(clean.projectTitle),
    text: words.body(clean, words.roles[facts.role], untilWithZone).join('\n'),
  };
}
