import { DomainError } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { ProjectEntity } from './project.entity.js';

@Injectable()
export class ProjectRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(em?: EntityManager) {
    return (em ?? this.db.manager).getRepository(ProjectEntity);
  }

  async insert(
    project: Pick<ProjectEntity, 'title' | 'subtitle' | 'description' | 'language' | 'createdBy'>,
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

  findByIds(projectIds: string[]): Promise<ProjectEntity[]> {
    return projectIds.length === 0 ? Promise.resolve([]) : this.repo().findBy({ id: In(projectIds) });
  }

  async update(
    projectId: string,
    changes: Partial<Pick<ProjectEntity, 'title' | 'subtitle' | 'description' | 'language'>>,
    em: EntityManager,
  ): Promise<void> {
    await this.repo(em).update({ id: projectId }, changes);
  }
}
