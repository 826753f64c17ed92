import type { SectionVersion, VersionContentResponse, VersionResponse } from '@kapitel/domain';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../common/decorators/actor.decorator.js';
import type { Actor as ActorType } from '../../common/http/request-context.js';
import { UuidPipe } from '../../common/pipes/uuid.pipe.js';
import { VersionRestoreService } from './version-restore.service.js';
import { CreateVersionDto } from './version.dto.js';
import { VersionService } from './version.service.js';

@ApiTags('versions')
@Controller('projects/:projectId/sections/:sectionId/versions')
export class VersionController {
  constructor(
    private readonly versions: VersionService,
    private readonly restores: VersionRestoreService,
  ) {}

  /** The section's versions, newest first: approvals and named ones. */
  @Get()
  list(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sectionId', UuidPipe) sectionId: string,
  ): Promise<SectionVersion[]> {
    return this.versions.list(actor, projectId, sectionId);
  }

  /** Keeps the section's current text as a named version. */
  @Post()
  async create(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sectionId', UuidPipe) sectionId: string,
    @Body() dto: CreateVersionDto,
  ): Promise<VersionResponse> {
    return { version: await this.versions.create(actor, projectId, sectionId, dto) };
  }

  /** One version's text as ProseMirror JSON, HTML and plain text. */
  @Get(':versionId')
  read(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sectionId', UuidPipe) sectionId: string,
    @Param('versionId', UuidPipe) versionId: string,
  ): Promise<VersionContentResponse> {
    return this.versions.read(actor, projectId, sectionId, versionId);
  }

  /** Makes the version's text the section's text again, as a new edit; answers with the version kept of the text before. */
  @Post(':versionId/restore')
  @HttpCode(200)
  async restore(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sectionId', UuidPipe) sectionId: string,
    @Param('versionId', UuidPipe) versionId: string,
  ): Promise<VersionResponse> {
    return { version: await this.restores.restore(actor, projectId, sectionId, versionId) };
  }
}
