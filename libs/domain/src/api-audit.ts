import type { AuditEvent } from './api-outline.js';

/**
 * The kinds a project's audit trail can be filtered by (`GET …/audit?kind=`). Each names
 * the audit actions it covers by their first part (`section.created` → `section`) or in
 * full; a kind's `except` takes single actions out again.
 */
export const AUDIT_KINDS = ['sections', 'comments', 'members', 'exports', 'project', 'write_rejected'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface AuditKindRule {
  /** Actions whose part before the first dot is one of these. */
  prefixes: readonly string[];
  /** Actions named in full. */
  actions: readonly string[];
  /** Actions left out although a prefix matches. */
  except: readonly string[];
}

const WRITE_REJECTED = 'section.write_rejected';

/** Which actions each kind covers: one table, read by the server's query and by `auditKindOf`. */
export const AUDIT_KIND_RULES: Record<AuditKind, AuditKindRule> = {
  // Images belong to the text of sections; refused writes are a kind of their own (a security signal).
  sections: { prefixes: ['section', 'image'], actions: [], except: [WRITE_REJECTED] },
  comments: { prefixes: ['comment'], actions: [], except: [] },
  members: { prefixes: ['member', 'invitation'], actions: [], except: [] },
  exports: { prefixes: ['export'], actions: [], except: [] },
  // The lists of abbreviations and of sources belong to the report as a whole.
  project: { prefixes: ['project', 'abbreviation', 'source'], actions: [], except: [] },
  write_rejected: { prefixes: [], actions: [WRITE_REJECTED], except: [] },
};

/** The kind of an audit action; null for one no kind covers (an action added later). */
export function auditKindOf(action: string): AuditKind | null {
  const prefix = action.split('.')[0] ?? action;
  for (const kind of AUDIT_KINDS) {
    const rule = AUDIT_KIND_RULES[kind];
    if (rule.except.includes(action)) {
      continue;
    }
    if (rule.actions.includes(action) || rule.prefixes.includes(prefix)) {
      return kind;
    }
  }
  return null;
}

/** Query of `GET /api/projects/:projectId/audit`; every part optional. */
export interface AuditQuery {
  /** Events older than this event id (a page's `nextBefore`). */
  before?: string;
  /** Page size, 1..LIMITS.auditPageMaxSize (default LIMITS.auditPageSize). */
  limit?: number;
  /** Only events of this kind. */
  kind?: AuditKind;
  /** Only events done by this user (a UUID). */
  actorId?: string;
}

/** The section an event concerns (its target, or the section of a comment), as it is now. */
export interface AuditSectionRef {
  id: string;
  /** The current title; null when the section no longer exists. */
  title: string | null;
  /** In the trash now. */
  trashed: boolean;
}

/** An audit event with what a reader needs to put it into words. */
export interface AuditLogEvent extends AuditEvent {
  /** The section concerned, if any. */
  section: AuditSectionRef | null;
  /** The name of the person (`targetType` user) or the address (invitation) acted on, if known. */
  targetName: string | null;
}

/** A page of the audit trail, newest first; a superset of `AuditPage`. */
export interface AuditLogPage {
  events: AuditLogEvent[];
  /** Pass as `before` to read the next (older) page; null on the last page. */
  nextBefore: string | null;
}
