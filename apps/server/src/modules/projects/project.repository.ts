import { DomainError, type Role } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ProjectEntity } from './project.entity.js';

@Injectable()
export class ProjectRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(em?: EntityManager) {
    return (em ?? this.db.manager).getRepository(ProjectEntity);
  }

  async insert(
    project: Pick<ProjectEntity, 'title' | 'subtitle' | 'description' | 'publisher' | 'language' | 'createdBy'>,
    em: EntityManager,
  ): Promise<ProjectEntity> {
    const result = await this.repo(em).insert(project);
    return this.getById((result.identifiers[0] as { id: string }).id, em);
  }

  async getById(projectId: string, em?: EntityManager): Promise<ProjectEntity> {
    const project = await this.repo(em).findOneBy({ id: projectId });
    if (!project) {
      throw new DomainError('NOT_FOUND', 'No such project');
    }
    return project;
  }

  /** The projects a user is a member of, with the user's role, most recently changed first. */
  listForMember(userId: string): Promise<Array<{ project: ProjectEntity; role: Role }>> {
    return this.repo()
      .createQueryBuilder('project')
      .innerJoin('project_members', 'member', 'member.project_id = project.id AND member.user_id = :userId', { userId })
      .addSelect('member.role', 'member_role')
      .orderBy('project.updated_at', 'DESC')
      .getRawAndEntities()
      .then(({ entities, raw }) =>
        entities.map((project, index) => ({ project, role: (raw[index] as { member_role: Role }).member_role })),
      );
  }

  /**
   * Locks the project row for its deletion: new sections, members, comments and exports
   * reference it (their foreign-key check takes a key-share lock), so none slips in between
   * and the cascade. Returns the title and what the deletion takes with it, for its audit row.
   */
  async lockForDeletion(projectId: string, em: EntityManager): Promise<{ title: string; sections: number; members: number }> {
    const rows = await em.query<Array<{ title: string; sections: number; members: number }>>(
      `SELECT p.title,
              (SELECT count(*)::int FROM sections s WHERE s.project_id = p.id) AS sections,
              (SELECT count(*)::int FROM project_members m WHERE m.project_id = p.id) AS members
         FROM projects p WHERE p.id = $1 FOR UPDATE OF p`,
      [projectId],
    );
    const row = rows[0];
    if (!row) {
      throw new DomainError('NOT_FOUND', 'No such project');
    }
    return row;
  }

  /** Deletes the project; every row that belongs to it goes with it (ON DELETE CASCADE, see docs/projects.md). */
  async delete(projectId: string, em: EntityManager): Promise<void> {
    await em.query('DELETE FROM projects WHERE id = $1', [projectId]);
  }

  async update(
    projectId: string,
    changes: Partial<Pick<ProjectEntity, 'title' | 'subtitle' | 'description' | 'publisher' | 'language'>>,
    em: EntityManager,
  ): Promise<void> {
    await this.repo(em).update({ id: projectId }, changes);
  }
}
