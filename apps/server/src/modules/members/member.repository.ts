import type { Member, Role } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { MemberEntity } from './member.entity.js';

interface MemberRow {
  user_id: string;
  name: string;
  email: string;
  organisation: string | null;
  role: Role;
}

/** The only code touching `project_members`; every query is scoped by project. */
@Injectable()
export class MemberRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(em?: EntityManager) {
    return (em ?? this.db.manager).getRepository(MemberEntity);
  }

  async findRole(projectId: string, userId: string, em?: EntityManager): Promise<Role | null> {
    const member = await this.repo(em).findOneBy({ projectId, userId });
    return member?.role ?? null;
  }

  /** The member row, locked until the transaction ends. */
  async findRoleForUpdate(projectId: string, userId: string, em: EntityManager): Promise<Role | null> {
    const rows = await em.query<{ role: Role }[]>(
      'SELECT role FROM project_members WHERE project_id = $1 AND user_id = $2 FOR UPDATE',
      [projectId, userId],
    );
    return rows[0]?.role ?? null;
  }

  /**
   * Locks every lead row of the project and counts them. Two leads demoting each other at
   * once thereby queue up, and the second sees the first one's change.
   */
  async lockLeads(projectId: string, em: EntityManager): Promise<number> {
    const rows = await em.query<unknown[]>(
      `SELECT user_id FROM project_members WHERE project_id = $1 AND role = 'lead' ORDER BY user_id FOR UPDATE`,
      [projectId],
    );
    return rows.length;
  }

  /** Every member's role, read inside the caller's transaction. */
  async roles(projectId: string, em: EntityManager): Promise<Map<string, Role>> {
    const rows = await this.repo(em).findBy({ projectId });
    return new Map(rows.map((row) => [row.userId, row.role]));
  }

  list(projectId: string): Promise<Member[]> {
    return this.select('m.project_id = $1', [projectId]);
  }

  async findMember(projectId: string, userId: string): Promise<Member | null> {
    return (await this.select('m.project_id = $1 AND m.user_id = $2', [projectId, userId]))[0] ?? null;
  }

  /** `email` must be normalised. */
  async findMemberByEmail(projectId: string, email: string): Promise<Member | null> {
    return (await this.select('m.project_id = $1 AND u.email = $2', [projectId, email]))[0] ?? null;
  }

  private async select(where: string, params: unknown[]): Promise<Member[]> {
    const rows = await this.db.query<MemberRow[]>(
      `SELECT m.user_id, u.name, u.email, u.organisation, m.role
         FROM project_members m JOIN users u ON u.id = m.user_id
        WHERE ${where}
        ORDER BY u.name, u.email`,
      params,
    );
    return rows.map((row) => ({
      userId: row.user_id,
      name: row.name,
      email: row.email,
      organisation: row.organisation,
      role: row.role,
    }));
  }

  async insert(projectId: string, userId: string, role: Role, em?: EntityManager): Promise<void> {
    await this.repo(em).insert({ projectId, userId, role });
  }

  async updateRole(projectId: string, userId: string, role: Role, em: EntityManager): Promise<void> {
    await this.repo(em).update({ projectId, userId }, { role });
  }

  async delete(projectId: string, userId: string, em: EntityManager): Promise<void> {
    await this.repo(em).delete({ projectId, userId });
  }
}
