import {
  DomainError,
  projectAbilities,
  type ProjectDetailResponse,
  type ProjectListItem,
  type Project,
} from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/http/request-context.js';
import { announceChange } from '../../common/project-changes.js';
import { AuditService } from '../audit/audit.service.js';
import { MemberService } from '../members/member.service.js';
import { OutlineService } from '../outline/outline.service.js';
import { findTemplate } from '../outline/templates.js';
import { toProject, type CreateProjectDto, type UpdateProjectDto } from './project.dto.js';
import { ProjectRepository } from './project.repository.js';

@Injectable()
export class ProjectService {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly members: MemberService,
    private readonly audit: AuditService,
    private readonly outline: OutlineService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** Creates a project; its creator becomes its first lead. */
  async create(actor: Actor, dto: CreateProjectDto): Promise<Project> {
    const template = dto.template === undefined ? undefined : findTemplate(dto.template);
    if (dto.template !== undefined && !template) {
      throw new DomainError('VALIDATION', `Unknown template "${dto.template}"`, [
        { field: 'template', message: 'template must name an outline from GET /api/templates' },
      ]);
    }
    const project = await this.db.transaction(async (em) => {
      const created = await this.projects.insert(
        {
          title: dto.title,
          subtitle: dto.subtitle || null,
          description: dto.description || null,
          publisher: null,
          language: dto.language ?? 'de',
          createdBy: actor.userId,
        },
        em,
      );
      await this.members.add(created.id, actor.userId, 'lead', em);
      if (template) {
        await this.outline.seed(created.id, template.sections, em);
      }
      await this.audit.record(
        { action: 'project.created', actorId: actor.userId, projectId: created.id, targetType: 'project',
          targetId: created.id, data: { title: created.title, template: template?.id ?? null }, client: actor },
        em,
      );
      return created;
    });
    return toProject(project);
  }

  async list(actor: Actor): Promise<ProjectListItem[]> {
    const memberships = await this.projects.listForMember(actor.userId);
    return memberships.map(({ project, role }) => ({ ...toProject(project), role }));
  }

  async get(actor: Actor, projectId: string): Promise<ProjectDetailResponse> {
    const role = await this.members.assertCan(projectId, actor.userId, 'project.read');
    return { project: toProject(await this.projects.getById(projectId)), role, abilities: projectAbilities(role) };
  }

  /**
   * Deletes a project with everything in it, in one transaction (lead only: the permission to
   * change the project). Its audit entries stay, emptied of content (AuditService), beside one
   * entry for the deletion. The announcement ends every member's event stream and closes the
   * live connections to its sections once the deletion commits. With `em`, inside that
   * transaction (an account's deletion takes its one-member projects with it, all or nothing).
   */
  async remove(actor: Actor, projectId: string, em?: EntityManager): Promise<void> {
    if (em === undefined) {
      await this.db.transaction((tx) => this.remove(actor, projectId, tx));
      return;
    }
    await this.members.assertCan(projectId, actor.userId, 'project.update', undefined, em);
    const { title, sections, members } = await this.projects.lockForDeletion(projectId, em);
    await this.audit.anonymiseProject(projectId, em);
    await this.projects.delete(projectId, em);
    await this.audit.record(
      { action: 'project.deleted', actorId: actor.userId, projectId, targetType: 'project', targetId: projectId,
        data: { title, sections, members }, client: actor },
      em,
    );
    await announceChange(em, { projectId, topic: 'project', deleted: true });
  }

  async update(actor: Actor, projectId: string, dto: UpdateProjectDto): Promise<Project> {
    return this.db.transaction(async (em) => {
      await this.members.assertCan(projectId, actor.userId, 'project.update', undefined, em);
      const before = toProject(await this.projects.getById(projectId, em));
      // An empty subtitle, description or publisher is stored as null, as on create.
      const changes = Object.fromEntries(
        Object.entries(dto)
          .filter(([, value]) => value !== undefined)
          .map(([key, value]) => [key, value === '' && key !== 'title' ? null : value]),
      );
      if (Object.keys(changes).length > 0) {
        await this.projects.update(projectId, changes, em);
      }
      const after = toProject(await this.projects.getById(projectId, em));
      await announceChange(em, { projectId, topic: 'project' });
      await this.audit.record(
        { action: 'project.updated', actorId: actor.userId, projectId, targetType: 'project', targetId: projectId,
          data: { before, after }, client: actor },
        em,
      );
      return after;
    });
  }
}
