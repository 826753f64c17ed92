import type { Role } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** One of the account's memberships, with who else is in the project. */
export interface MembershipOfLeaver {
  projectId: string;
  title: string;
  role: Role;
  otherMembers: number;
  otherLeads: number;
}

/**
 * The queries of an account's deletion that span projects (memberships, invitations, the audit
 * trail): they are about one person across every project, so they cannot be scoped by one
 * project as the feature repositories are. Changes go through the feature services wherever
 * one exists (leaving: MemberService; deleting a project: ProjectService).
 */
@Injectable()
export class AccountDeletionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async memberships(userId: string, em?: EntityManager): Promise<MembershipOfLeaver[]> {
    const rows = await (em ?? this.db.manager).query<
      Array<{ project_id: string; title: string; role: Role; other_members: number; other_leads: number }>
    >(
      `SELECT p.id AS project_id, p.title, m.role,
              (SELECT count(*)::int FROM project_members o WHERE o.project_id = p.id AND o.user_id <> $1) AS other_members,
              (SELECT count(*)::int FROM project_members o
                WHERE o.project_id = p.id AND o.user_id <> $1 AND o.role = 'lead') AS other_leads
         FROM project_members m JOIN projects p ON p.id = m.project_id
        WHERE m.user_id = $1
        ORDER BY p.title, p.id`,
      [userId],
    );
    return rows.map((row) => ({
      projectId: row.project_id,
      title: row.title,
      role: row.role,
      otherMembers: row.other_members,
      otherLeads: row.other_leads,
    }));
  }

  /**
   * Locks the rows of the account's projects (in one order): a member joining meanwhile takes a
   * key-share lock on the project's row and so waits, and the memberships read after this stay
   * as they are until the deletion commits.
   */
  async lockProjectsOf(userId: string, em: EntityManager): Promise<void> {
    await em.query(
      `SELECT p.id FROM projects p
        WHERE p.id IN (SELECT project_id FROM project_members WHERE user_id = $1)
        ORDER BY p.id FOR UPDATE`,
      [userId],
    );
  }

  /** Every invitation to the address (open or used): the address is the person's. Returns their projects. */
  async deleteInvitationsTo(email: string, em: EntityManager): Promise<string[]> {
    // TypeORM hands back [rows, affected count] for a DELETE or UPDATE on PostgreSQL.
    const [rows] = await em.query<[Array<{ project_id: string }>, number]>(
      'DELETE FROM invitations WHERE email = $1 RETURNING project_id',
      [email],
    );
    return [...new Set(rows.map((row) => row.project_id))];
  }

  /**
   * Revokes the open invitations the person sent: their links named them as the inviter, and a
   * lead can send a new one. Returns the revoked ones for the audit trail.
   */
  async revokeInvitationsFrom(userId: string, now: Date, em: EntityManager): Promise<Array<{ id: string; projectId: string }>> {
    const [rows] = await em.query<[Array<{ id: string; project_id: string }>, number]>(
      `UPDATE invitations SET revoked_at = $2
        WHERE invited_by = $1 AND accepted_at IS NULL AND revoked_at IS NULL
        RETURNING id, project_id`,
      [userId, now],
    );
    return rows.map((row) => ({ id: row.id, projectId: row.project_id }));
  }

  /**
   * Takes the person's name and addresses out of the audit trail. Entries stay (who did what
   * when, by an id that no longer names anyone): the changes of their own name and address are
   * emptied, and entries that record one of their addresses (failed sign-ins, reset requests,
   * invitations to them) keep `email` as null. Every address the account had counts.
   */
  async scrubAudit(userId: string, email: string, em: EntityManager): Promise<void> {
    const rows = await em.query<Array<{ address: string | null }>>(
      `SELECT DISTINCT a.address FROM audit_events e,
              LATERAL (VALUES (e.data->>'before'), (e.data->>'after')) AS a(address)
        WHERE e.action = 'user.email_changed' AND e.target_type = 'user' AND e.target_id = $1`,
      [userId],
    );
    const addresses = [email, ...rows.map((row) => row.address).filter((address): address is string => address !== null)];
    await em.query(
      `UPDATE audit_events SET data = '{}'::jsonb
        WHERE target_type = 'user' AND target_id = $1 AND action IN ('user.updated', 'user.email_changed')`,
      [userId],
    );
    await em.query(
      `UPDATE audit_events SET data = jsonb_set(data, '{email}', 'null'::jsonb)
        WHERE data->>'email' = ANY($1::text[])`,
      [addresses],
    );
  }
}
