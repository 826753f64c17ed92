import type { Dashboard, SectionResponse, Transition } from '@kapitel/domain';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../common/decorators/actor.decorator.js';
import type { Actor as ActorType } from '../../common/http/request-context.js';
import { UuidPipe } from '../../common/pipes/uuid.pipe.js';
import { DashboardService } from './dashboard.service.js';
import { TransitionDto } from './outline.dto.js';
import { NoObjectionsDto } from './review.dto.js';
import { ReviewService } from './review.service.js';

@ApiTags('review')
@Controller('projects/:projectId')
export class ReviewController {
  constructor(
    private readonly review: ReviewService,
    private readonly dashboards: DashboardService,
  ) {}

  @Post('sections/:sectionId/transitions')
  @HttpCode(200)
  async transition(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sectionId', UuidPipe) sectionId: string,
    @Body() dto: TransitionDto,
  ): Promise<SectionResponse> {
    return { section: await this.review.transition(actor, projectId, sectionId, dto) };
  }

  /** A reviewer's "checked, no objections": recorded in the history, the state stays in review. */
  @Post('sections/:sectionId/no-objections')
  @HttpCode(200)
  async noObjections(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sectionId', UuidPipe) sectionId: string,
    @Body() dto: NoObjectionsDto,
  ): Promise<SectionResponse> {
    return { section: await this.review.recordNoObjections(actor, projectId, sectionId, dto) };
  }

  @Get('sections/:sectionId/transitions')
  history(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sectionId', UuidPipe) sectionId: string,
  ): Promise<Transition[]> {
    return this.review.history(actor, projectId, sectionId);
  }

  @Get('dashboard')
  dashboard(@Actor() actor: ActorType, @Param('projectId', UuidPipe) projectId: string): Promise<Dashboard> {
    return this.dashboards.dashboard(actor, projectId);
  }
}
