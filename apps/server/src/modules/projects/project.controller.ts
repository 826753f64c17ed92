import type { Project, ProjectDetailResponse, ProjectListItem, ProjectResponse } from '@kapitel/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../common/decorators/actor.decorator.js';
import type { Actor as ActorType } from '../../common/http/request-context.js';
import { UuidPipe } from '../../common/pipes/uuid.pipe.js';
import { CreateProjectDto, UpdateProjectDto } from './project.dto.js';
import { ProjectService } from './project.service.js';

@ApiTags('projects')
@Controller('projects')
export class ProjectController {
  constructor(private readonly projects: ProjectService) {}

  @Post()
  async create(@Actor() actor: ActorType, @Body() dto: CreateProjectDto): Promise<ProjectResponse> {
    return { project: await this.projects.create(actor, dto) };
  }

  @Get()
  list(@Actor() actor: ActorType): Promise<ProjectListItem[]> {
    return this.projects.list(actor);
  }

  @Get(':projectId')
  get(@Actor() actor: ActorType, @Param('projectId', UuidPipe) projectId: string): Promise<ProjectDetailResponse> {
    return this.projects.get(actor, projectId);
  }

  @Patch(':projectId')
  async update(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Body() dto: UpdateProjectDto,
  ): Promise<{ project: Project }> {
    return { project: await this.projects.update(actor, projectId, dto) };
  }

  /** Deletes the project and everything in it (lead only; 403 for other members, 404 for anyone else). */
  @Delete(':projectId')
  @HttpCode(204)
  async remove(@Actor() actor: ActorType, @Param('projectId', UuidPipe) projectId: string): Promise<void> {
    await this.projects.remove(actor, projectId);
  }
}
