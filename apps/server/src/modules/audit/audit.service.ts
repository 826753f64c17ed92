import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { ClientInfo } from '../../common/http/request-context.js';
import { AuditEventEntity } from './audit-event.entity.js';

export interface AuditRecord {
  action: string;
  actorId: string | null;
  projectId?: string | null;
  targetType?: string;
  targetId?: string;
  data?: Record<string, unknown>;
  client?: ClientInfo;
}

/** Writes the audit trail. Pass the transaction's EntityManager so the entry commits with the change. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  async record(entry: AuditRecord, em?: EntityManager): Promise<void> {
    await (em ?? this.events.manager).query(
      `INSERT INTO audit_events (action, actor_id, project_id, target_type, target_id, data, ip, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        entry.action,
        entry.actorId,
        entry.projectId ?? null,
        entry.targetType ?? null,
        entry.targetId ?? null,
        JSON.stringify(entry.data ?? {}),
        entry.client?.ip ?? null,
        entry.client?.requestId ?? null,
      ],
    );
  }

  /**
   * Keeps a deleted project's trail but empties what its entries say about the content
   * (titles, comment bodies, review notes, invited addresses): who did what when, to which
   * id, stays for accountability; the words go with the project, as its deletion promises.
   */
  async anonymiseProject(projectId: string, em: EntityManager): Promise<void> {
    await em.query(`UPDATE audit_events SET data = '{}'::jsonb WHERE project_id = $1 AND data <> '{}'::jsonb`, [projectId]);
  }
}
