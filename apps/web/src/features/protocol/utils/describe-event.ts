import { ROLES, type AuditLogEvent, type Role } from '@kapitel/domain';
import type { Translate } from '../../../i18n';
import { record } from '../../../lib/json-values';

const TRANSITIONS = ['submit', 'request_changes', 'approve', 'reopen'] as const;
// The fields of a section a lead changes (section.updated names those that changed).
const SECTION_FIELDS = ['title', 'assigneeIds', 'reviewerId', 'dueDate', 'targetWords', 'numbered'] as const;
// Follow from the fields above (the number from `numbered`), so they are not named again.
const DERIVED_FIELDS = ['number', 'position'];

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function roleName(t: Translate, value: unknown): string {
  return (ROLES as readonly unknown[]).includes(value) ? t(`role.${value as Role}`) : t('protocol.someone');
}

function modeName(t: Translate, value: unknown): string {
  return value === 'final' ? t('protocol.mode.final') : t('protocol.mode.draft');
}

function oneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}

/**
 * A change of the list of abbreviations: the entry named by its abbreviation as it was
 * (`before`) or became (`after`); a rename says both. Without them (a deleted project's
 * emptied data) the sentence names no entry.
 */
function describeAbbreviationEvent(
  t: Translate,
  action: 'abbreviation.created' | 'abbreviation.updated' | 'abbreviation.deleted',
  data: Record<string, unknown>,
): string {
  const before = text(record(data.before).short);
  const after = text(record(data.after).short);
  switch (action) {
    case 'abbreviation.created':
      return after === null ? t('protocol.action.abbreviation.created.unnamed') : t('protocol.action.abbreviation.created', { short: after });
    case 'abbreviation.deleted':
      return before === null ? t('protocol.action.abbreviation.deleted.unnamed') : t('protocol.action.abbreviation.deleted', { short: before });
    case 'abbreviation.updated':
      if (before !== null && after !== null && before !== after) {
        return t('protocol.action.abbreviation.renamed', { before, after });
      }
    {
      const short = after ?? before;
      return short === null ? t('protocol.action.abbreviation.updated.unnamed') : t('protocol.action.abbreviation.updated', { short });
    }
  }
}

/**
 * One audit event as a sentence without its subject (the table names the person), e.g.
 * "Rolle von Ali Autor geändert: Leserin/Leser → Prüferin/Prüfer". Every action the server
 * records has its sentence; an action added later reads "Sonstige Aktion (…)", never
 * nothing. Reads `data` defensively: it is free-form, and a deleted project's is empty.
 */
export function describeEvent(t: Translate, event: AuditLogEvent): string {
  const data = record(event.data);
  const person = event.targetName ?? t('protocol.someone');
  switch (event.action) {
    case 'project.created':
    case 'project.updated':
    case 'project.deleted':
    case 'section.created':
    case 'section.moved':
    case 'section.restored':
    case 'section.no_objections':
    case 'section.content_filled':
    case 'section.write_rejected':
    case 'image.uploaded':
    case 'comment.edited':
    case 'comment.resolved':
    case 'comment.reopened':
    case 'comment.deleted':
      return t(`protocol.action.${event.action}`);
    case 'section.deleted': {
      const count = typeof data.descendants === 'number' ? data.descendants : 0;
      return count > 0 ? t('protocol.action.section.deletedWithChildren', { count }) : t('protocol.action.section.deleted');
    }
    case 'section.updated': {
      const changed = Object.keys(record(data.after)).filter((field) => !DERIVED_FIELDS.includes(field));
      const known = SECTION_FIELDS.filter((field) => changed.includes(field)).map((field) => t(`protocol.field.${field}`));
      const fields = changed.length > known.length ? [...known, t('protocol.field.other')] : known;
      return t('protocol.action.section.updated', { fields: fields.length > 0 ? fields.join(', ') : t('protocol.field.other') });
    }
    case 'section.unassigned':
      return t(data.reason === 'role_changed' ? 'protocol.action.section.unassigned.role_changed' : 'protocol.action.section.unassigned.removed');
    case 'section.transition':
      return oneOf(TRANSITIONS, data.action)
        ? t(`protocol.action.section.transition.${data.action}`)
        : t('protocol.action.section.transition.other');
    case 'section.version_created': {
      const label = text(data.label);
      return data.reason === 'before_restore' || label === null
        ? t('protocol.action.section.version_created.before_restore')
        : t('protocol.action.section.version_created', { label });
    }
    case 'section.version_restored': {
      const label = text(data.label);
      return label === null ? t('protocol.action.section.version_restored.unnamed') : t('protocol.action.section.version_restored', { label });
    }
    case 'comment.created': {
      const after = record(data.after);
      if (typeof after.suggestion === 'string') {
        return t('protocol.action.comment.suggested');
      }
      return t(text(after.parentId) === null ? 'protocol.action.comment.created' : 'protocol.action.comment.reply');
    }
    case 'comment.suggestion_accepted':
      return t('protocol.action.comment.suggestion_accepted');
    case 'comment.anchor_moved':
      return t('protocol.action.comment.anchor_moved');
    case 'member.role_changed':
      return t('protocol.action.member.role_changed', { name: person, before: roleName(t, data.before), after: roleName(t, data.after) });
    case 'member.removed':
      return event.targetId !== null && event.targetId === event.actorId
        ? t('protocol.action.member.left')
        : t('protocol.action.member.removed', { name: person });
    case 'invitation.created':
      return t('protocol.action.invitation.created', { email: text(data.email) ?? person, role: roleName(t, data.role) });
    case 'invitation.renewed':
    case 'invitation.revoked':
      return t(`protocol.action.${event.action}`, { email: text(data.email) ?? person });
    case 'invitation.accepted':
      return t('protocol.action.invitation.accepted', { role: roleName(t, data.role) });
    case 'export.requested':
    case 'export.completed':
    case 'export.failed':
    case 'export.downloaded':
    case 'export.odt_downloaded':
      return t(`protocol.action.${event.action}`, { mode: modeName(t, data.mode) });
    case 'abbreviation.created':
    case 'abbreviation.updated':
    case 'abbreviation.deleted':
      return describeAbbreviationEvent(t, event.action, data);
    case 'source.imported':
      return t('protocol.action.source.imported', { count: typeof data.count === 'number' ? data.count : 0 });
    case 'source.created':
    case 'source.deleted':
    case 'source.updated': {
      // Named by its title as it became (or, deleted, as it was).
      const title = text(record(data.after).title) ?? text(record(data.before).title);
      return title === null ? t(`protocol.action.${event.action}.unnamed`) : t(`protocol.action.${event.action}`, { title });
    }
    default:
      return t('protocol.action.unknown', { action: event.action });
  }
}
