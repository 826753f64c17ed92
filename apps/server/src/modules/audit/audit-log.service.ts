import { AUDIT_KIND_RULES, LIMITS, type AuditLogEvent, type AuditLogPage, type AuditQuery } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/http/request-context.js';
import { MemberService } from '../members/member.service.js';

interface AuditRow {
  id: string;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  target_type: string | null;
  target_id: string | null;
  target_name: string | null;
  data: Record<string, unknown>;
  created_at: Date;
  section_id: string | null;
  section_title: string | null;
  section_trashed: boolean | null;
  section_ref: string | null;
}

// Audit rows keep ids as text (a target may be anything): only a well-formed one is cast to
// uuid, inside CASE, which (unlike AND) fixes the order in which PostgreSQL evaluates.
const asUuid = (text: string): string =>
  `CASE WHEN ${text} ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' THEN (${text})::uuid END`;

/**
 * Reading a project's audit trail, newest first, a page at a time (lead only), optionally of
 * one kind or one person. Each event comes with the section it concerns as it is now (the
 * target section, or a comment's section) and the name of the person or address acted on,
 * so that the web app can put it into words without a request per row.
 */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly members: MemberService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async page(actor: Actor, projectId: string, query: AuditQuery): Promise<AuditLogPage> {
    await this.members.assertCan(projectId, actor.userId, 'audit.read');
    const limit = query.limit ?? LIMITS.auditPageSize;
    const rule = query.kind === undefined ? null : AUDIT_KIND_RULES[query.kind];
    // One row more than asked tells whether an older page exists. The filters are plain
    // conditions on the same newest-first scan, so `nextBefore` continues a filtered page too.
    const rows = await this.db.query<AuditRow[]>(
      `SELECT e.id::text, e.action, e.actor_id, u.name AS actor_name, e.target_type, e.target_id,
              COALESCE(tu.name, i.email) AS target_name, e.data, e.created_at,
              s.id AS section_id, s.title AS section_title, s.deleted_at IS NOT NULL AS section_trashed,
              ref.section_ref
         FROM audit_events e
         LEFT JOIN users u ON u.id = e.actor_id
         CROSS JOIN LATERAL (
           SELECT CASE WHEN e.target_type = 'section' THEN e.target_id
                       WHEN e.target_type = 'comment' THEN e.data->>'sectionId' END AS section_ref
         ) ref
         LEFT JOIN sections s
           ON s.project_id = e.project_id AND s.id = ${asUuid('ref.section_ref')}
         LEFT JOIN users tu
           ON e.target_type = 'user' AND tu.id = ${asUuid('e.target_id')}
         LEFT JOIN invitations i
           ON e.target_type = 'invitation' AND i.id = ${asUuid('e.target_id')} AND i.project_id = e.project_id
        WHERE e.project_id = $1
          AND ($2::bigint IS NULL OR e.id < $2::bigint)
          AND ($3::uuid IS NULL OR e.actor_id = $3::uuid)
          AND ($4::boolean IS FALSE
               OR ((split_part(e.action, '.', 1) = ANY($5::text[]) OR e.action = ANY($6::text[]))
                   AND NOT e.action = ANY($7::text[])))
        ORDER BY e.id DESC
        LIMIT $8`,
      [
        projectId,
        query.before ?? null,
        query.actorId ?? null,
        rule !== null,
        rule?.prefixes ?? [],
        rule?.actions ?? [],
        rule?.except ?? [],
        limit + 1,
      ],
    );
    const events = rows.slice(0, limit).map((row) => toEvent(row));
    return { events, nextBefore: rows.length > limit ? (events.at(-1)?.id ?? null) : null };
  }
}

function toEvent(row: AuditRow): AuditLogEvent {
  // A section whose row is gone is still named by id (title null), so the reader can tell it apart.
  const sectionRef = row.section_id ?? row.section_ref;
  return {
    id: row.id,
    action: row.action,
    actorId: row.actor_id,
    actorName: row.actor_name,
    targetType: row.target_type,
    targetId: row.target_id,
    targetName: row.target_name,
    data: row.data,
    at: row.created_at.toISOString(),
    section:
      sectionRef === null
        ? null
        : { id: sectionRef, title: row.section_title, trashed: row.section_trashed === true },
  };
}
