import type { CommentListResponse, CommentResponse } from '@kapitel/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../common/decorators/actor.decorator.js';
import type { Actor as ActorType } from '../../common/http/request-context.js';
import { UuidPipe } from '../../common/pipes/uuid.pipe.js';
import { CommentQueryDto, CreateCommentDto, MoveAnchorDto, UpdateCommentDto } from './comment.dto.js';
import { CommentService } from './comment.service.js';

@ApiTags('comments')
@Controller('projects/:projectId/sections/:sectionId/comments')
export class CommentController {
  constructor(private readonly comments: CommentService) {}

  @Get()
  list(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sectionId', UuidPipe) sectionId: string,
    @Query() query: CommentQueryDto,
  ): Promise<CommentListResponse> {
    return this.comments.list(actor, projectId, sectionId, query.status);
  }

  /** A new thread, or with `parentId` a reply to one. */
  @Post()
  async create(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sectionId', UuidPipe) sectionId: string,
    @Body() dto: CreateCommentDto,
  ): Promise<CommentResponse> {
    return { comment: await this.comments.create(actor, projectId, sectionId, dto) };
  }

  @Patch(':commentId')
  async update(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sectionId', UuidPipe) sectionId: string,
    @Param('commentId', UuidPipe) commentId: string,
    @Body() dto: UpdateCommentDto,
  ): Promise<CommentResponse> {
    return { comment: await this.comments.update(actor, { projectId, sectionId, commentId }, dto) };
  }

  @Post(':commentId/resolve')
  @HttpCode(200)
  async resolve(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sectionId', UuidPipe) sectionId: string,
    @Param('commentId', UuidPipe) commentId: string,
  ): Promise<CommentResponse> {
    return { comment: await this.comments.setResolved(actor, { projectId, sectionId, commentId }, true) };
  }

  @Post(':commentId/reopen')
  @HttpCode(200)
  async reopen(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sectionId', UuidPipe) sectionId: string,
    @Param('commentId', UuidPipe) commentId: string,
  ): Promise<CommentResponse> {
    return { comment: await this.comments.setResolved(actor, { projectId, sectionId, commentId }, false) };
  }

  /** Puts the thread's suggested change into the text and resolves the thread. */
  @Post(':commentId/accept')
  @HttpCode(200)
  async accept(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sectionId', UuidPipe) sectionId: string,
    @Param('commentId', UuidPipe) commentId: string,
  ): Promise<CommentResponse> {
    return { comment: await this.comments.accept(actor, { projectId, sectionId, commentId }) };
  }

  /** Points a thread at its passage again: an undo brought back the passage's deleted text as new text. */
  @Post(':commentId/anchor')
  @HttpCode(200)
  async moveAnchor(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sectionId', UuidPipe) sectionId: string,
    @Param('commentId', UuidPipe) commentId: string,
    @Body() dto: MoveAnchorDto,
  ): Promise<CommentResponse> {
    return {
      comment: await this.comments.moveAnchor(actor, { projectId, sectionId, commentId }, dto.anchor),
    };
  }

  /** Deleting a thread's first comment deletes the whole thread. */
  @Delete(':commentId')
  @HttpCode(204)
  remove(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sectionId', UuidPipe) sectionId: string,
    @Param('commentId', UuidPipe) commentId: string,
  ): Promise<void> {
    return this.comments.remove(actor, { projectId, sectionId, commentId });
  }
}
