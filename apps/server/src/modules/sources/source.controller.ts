import type { SourceCitationsResponse, SourceImportResponse, SourceResponse, SourcesResponse } from '@kapitel/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../common/decorators/actor.decorator.js';
import type { Actor as ActorType } from '../../common/http/request-context.js';
import { UuidPipe } from '../../common/pipes/uuid.pipe.js';
import { SourceImportService } from './source-import.service.js';
import { CreateSourceDto, ImportSourcesDto, UpdateSourceDto } from './source.dto.js';
import { SourceService } from './source.service.js';

@ApiTags('sources')
@Controller('projects/:projectId/sources')
export class SourceController {
  constructor(
    private readonly sources: SourceService,
    private readonly imports: SourceImportService,
  ) {}

  /** The project's list of sources in the bibliography's order. */
  @Get()
  list(@Actor() actor: ActorType, @Param('projectId', UuidPipe) projectId: string): Promise<SourcesResponse> {
    return this.sources.list(actor, projectId);
  }

  /** Only `title` is required; every other field left out is ''. */
  @Post()
  async create(@Actor() actor: ActorType, @Param('projectId', UuidPipe) projectId: string, @Body() dto: CreateSourceDto): Promise<SourceResponse> {
    return { source: await this.sources.create(actor, projectId, dto) };
  }

  /** Adds the entries of a BibTeX or RIS file (docs/sources.md, "Import"); 200 with what was added and skipped. */
  @Post('import')
  @HttpCode(200)
  import(@Actor() actor: ActorType, @Param('projectId', UuidPipe) projectId: string, @Body() dto: ImportSourcesDto): Promise<SourceImportResponse> {
    return this.imports.import(actor, projectId, dto.text);
  }

  /** Any of the fields; an omitted one stays. */
  @Patch(':sourceId')
  async update(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sourceId', UuidPipe) sourceId: string,
    @Body() dto: UpdateSourceDto,
  ): Promise<SourceResponse> {
    return { source: await this.sources.update(actor, projectId, sourceId, dto) };
  }

  /** The sections citing the source ("2.1 Kosten"): a client asks before it offers to delete. */
  @Get(':sourceId/citations')
  citations(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sourceId', UuidPipe) sourceId: string,
  ): Promise<SourceCitationsResponse> {
    return this.sources.citedIn(actor, projectId, sourceId);
  }

  /** 409 SOURCE_IN_USE while a section's current text or approved version cites it. */
  @Delete(':sourceId')
  @HttpCode(204)
  remove(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sourceId', UuidPipe) sourceId: string,
  ): Promise<void> {
    return this.sources.remove(actor, projectId, sourceId);
  }
}
