import { LIMITS, type AuditPage } from '@kapitel/domain';
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
  data: Record<string, unknown>;
  created_at: Date;
}

/** Reading a project's audit trail, newest first, a page at a time (lead only). */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly members: MemberService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async page(actor: Actor, projectId: string, query: { before?: string; limit?: number }): Promise<AuditPage> {
    await this.members.assertCan(projectId, actor.userId, 'audit.read');
    const limit = query.limit ?? LIMITS.auditPageSize;
    // One row more than asked tells whether an older page exists.
    const rows = await this.db.query<AuditRow[]>(
      `SELECT e.id::text, e.action, e.actor_id, u.name AS actor_name, e.target_type, e.target_id, e.data, e.created_at
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.project_id = $1 AND ($2::bigint IS NULL OR e.id < $2::bigint)
        ORDER BY e.id DESC
        LIMIT $3`,
      [projectId, query.before ?? null, limit + 1],
    );
    const events = rows.slice(0, limit).map((row) => ({
      id: row.id,
      action: row.action,
      actorId: row.actor_id,
      actorName: row.actor_name,
      targetType: row.target_type,
      targetId: row.target_id,
      data: row.data,
      at: row.created_at.toISOString(),
    }));
    return { events, nextBefore: rows.length > limit ? (events.at(-1)?.id ?? null) : null };
  }
}
