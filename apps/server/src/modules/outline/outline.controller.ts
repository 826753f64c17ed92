import type {
  OutlineResponse,
  ReportFiguresResponse,
  ReportTextResponse,
  SectionDetailResponse,
  SectionReferencesResponse,
  SectionResponse,
  TrashedSection,
} from '@kapitel/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../common/decorators/actor.decorator.js';
import type { Actor as ActorType } from '../../common/http/request-context.js';
import { UuidPipe } from '../../common/pipes/uuid.pipe.js';
import { CreateSectionDto, MoveSectionDto, ReportTextQueryDto, UpdateSectionDto } from './outline.dto.js';
import { FiguresService } from './figures.service.js';
import { OutlineService } from './outline.service.js';
import { ReferencesService } from './references.service.js';
import { ReportTextService } from './report-text.service.js';
import { SectionSettingsService } from './section-settings.service.js';

@ApiTags('outline')
@Controller('projects/:projectId')
export class OutlineController {
  constructor(
    private readonly outline: OutlineService,
    private readonly settings: SectionSettingsService,
    private readonly references: ReferencesService,
    private readonly figureList: FiguresService,
    private readonly report: ReportTextService,
  ) {}

  /** The sections whose texts refer to this one through cross-references (asked before it goes to the trash). */
  @Get('sections/:sectionId/references')
  referencesTo(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sectionId', UuidPipe) sectionId: string,
  ): Promise<SectionReferencesResponse> {
    return this.references.referencesTo(actor, projectId, sectionId);
  }

  /** The report's numbered figures and tables (what a cross-reference to a figure can point to). */
  @Get('figures')
  figures(@Actor() actor: ActorType, @Param('projectId', UuidPipe) projectId: string): Promise<ReportFiguresResponse> {
    return this.figureList.figures(actor, projectId);
  }

  /** The whole report as it stands: the live sections in reading order with their current texts (the reading view). */
  @Get('text')
  text(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Query() query: ReportTextQueryDto,
  ): Promise<ReportTextResponse> {
    return this.report.text(actor, projectId, query.version);
  }

  @Get('outline')
  get(@Actor() actor: ActorType, @Param('projectId', UuidPipe) projectId: string): Promise<OutlineResponse> {
    return this.outline.outline(actor, projectId);
  }

  @Post('sections')
  async create(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Body() dto: CreateSectionDto,
  ): Promise<SectionResponse> {
    return { section: await this.outline.create(actor, projectId, dto) };
  }

  @Get('sections/:sectionId')
  section(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sectionId', UuidPipe) sectionId: string,
  ): Promise<SectionDetailResponse> {
    return this.outline.get(actor, projectId, sectionId);
  }

  @Patch('sections/:sectionId')
  async update(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sectionId', UuidPipe) sectionId: string,
    @Body() dto: UpdateSectionDto,
  ): Promise<SectionResponse> {
    return { section: await this.settings.update(actor, projectId, sectionId, dto) };
  }

  @Post('sections/:sectionId/move')
  @HttpCode(200)
  async move(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sectionId', UuidPipe) sectionId: string,
    @Body() dto: MoveSectionDto,
  ): Promise<SectionResponse> {
    return { section: await this.outline.move(actor, projectId, sectionId, dto) };
  }

  /** Moves the section and its sub-sections into the trash. */
  @Delete('sections/:sectionId')
  @HttpCode(204)
  remove(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sectionId', UuidPipe) sectionId: string,
  ): Promise<void> {
    return this.outline.remove(actor, projectId, sectionId);
  }

  @Get('trash')
  trash(@Actor() actor: ActorType, @Param('projectId', UuidPipe) projectId: string): Promise<TrashedSection[]> {
    return this.outline.trash(actor, projectId);
  }

  @Post('sections/:sectionId/restore')
  @HttpCode(200)
  async restore(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sectionId', UuidPipe) sectionId: string,
  ): Promise<SectionResponse> {
    return { section: await this.outline.restore(actor, projectId, sectionId) };
  }
}
