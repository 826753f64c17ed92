import type { CommentCountsResponse } from '@kapitel/domain';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../common/decorators/actor.decorator.js';
import type { Actor as ActorType } from '../../common/http/request-context.js';
import { UuidPipe } from '../../common/pipes/uuid.pipe.js';
import { CommentService } from './comment.service.js';

/** The thread counts of a whole project, so the outline needs one request, not one per section. */
@ApiTags('comments')
@Controller('projects/:projectId/comment-counts')
export class CommentCountController {
  constructor(private readonly comments: CommentService) {}

  @Get()
  list(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
  ): Promise<CommentCountsResponse> {
    return this.comments.countThreads(actor, projectId);
  }
}
