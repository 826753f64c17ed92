import type { ProjectEvent } from './project-events';

/**
 * What the project page shows, each loaded on its own. `comments` stands for the open
 * comment counts of the outline (of the event's section, or of all sections); `exports`
 * for the list of earlier exports; `abbreviations` and `sources` for the report's lists of
 * abbreviations and of sources; `words` for the sections' word counts in the outline.
 */
export type ProjectPart =
  | 'project'
  | 'members'
  | 'outline'
  | 'comments'
  | 'exports'
  | 'abbreviations'
  | 'sources'
  | 'words';
/**
 * What the section page shows, each loaded on its own; `comments` are the section's threads,
 * `versions` the stored states of its text, `outline` the report's sections (the numbers and
 * titles its cross-references show), `figures` the report's numbered figures (of the other
 * sections' texts: the section's own come from its live text), `sources` the project's list of
 * sources (the labels its citations show).
 */
export type SectionPart = 'project' | 'members' | 'section' | 'history' | 'comments' | 'versions' | 'outline' | 'figures' | 'sources';

/**
 * What the project page loads again after an event from the project's stream. The outline
 * part covers the tree, the dashboard and the trash; the dashboard also lists members.
 * `userId` is the signed-in user: a change of their own membership changes their role.
 */
export function projectPageReloads(event: ProjectEvent, userId: string | undefined): ProjectPart[] {
  switch (event.type) {
    case 'revoked':
      return [];
    case 'resync':
      return ['project', 'members', 'outline', 'comments', 'exports', 'abbreviations', 'sources', 'words'];
    case 'change':
      switch (event.change.topic) {
        case 'project':
          return ['project'];
        case 'outline':
        case 'section':
          return ['outline'];
        case 'members':
          return event.change.userId === undefined || event.change.userId === userId
            ? ['project', 'members', 'outline']
            : ['members', 'outline'];
        case 'comments':
          return ['comments'];
        case 'exports':
          return ['exports'];
        case 'abbreviations':
          return ['abbreviations'];
        case 'sources':
          return ['sources'];
        case 'text':
          return ['words'];
      }
  }
}

/**
 * What the section page loads again: the section and its abilities on a change of this
 * section or of the outline (title, number, deletion), and the outline itself on the latter, its history and versions on a change
 * of this section (the server announces a saved, restored or approval version as one), its
 * comments when they changed and when this section's assignment or review state did (what one
 * may do with each follows them), the project (role), the section's abilities and the comments
 * (what one may do with each) when the user's own membership changed.
 */
export function sectionPageReloads(event: ProjectEvent, sectionId: string, userId: string | undefined): SectionPart[] {
  switch (event.type) {
    case 'revoked':
      return [];
    case 'resync':
      return ['project', 'members', 'section', 'history', 'comments', 'versions', 'outline', 'figures', 'sources'];
    case 'change': {
      const change = event.change;
      switch (change.topic) {
        case 'project':
          return ['project'];
        // What one may do with a comment follows the section's assignment and review state
        // (resolving as its assignee, accepting a suggested change while it may be edited).
        case 'outline':
          return change.sectionId === sectionId ? ['section', 'outline', 'comments'] : ['section', 'outline'];
        case 'section':
          return change.sectionId === undefined || change.sectionId === sectionId
            ? ['section', 'history', 'versions', 'comments']
            : [];
        case 'members':
          return change.userId === undefined || change.userId === userId
            ? ['project', 'members', 'section', 'comments']
            : ['members'];
        case 'comments':
          return change.sectionId === undefined || change.sectionId === sectionId ? ['comments'] : [];
        case 'text':
          return change.sectionId === sectionId ? [] : ['figures'];
        case 'sources':
          return ['sources'];
        case 'exports':
        case 'abbreviations':
          return [];
      }
    }
  }
}
