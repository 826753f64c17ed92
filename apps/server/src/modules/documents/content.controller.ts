import type { SectionContent } from '@kapitel/editor';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../common/decorators/actor.decorator.js';
import type { Actor as ActorType } from '../../common/http/request-context.js';
import { UuidPipe } from '../../common/pipes/uuid.pipe.js';
import { ContentService } from './content.service.js';

@ApiTags('outline')
@Controller('projects/:projectId/sections/:sectionId')
export class ContentController {
  constructor(private readonly content: ContentService) {}

  /** The section's current text as ProseMirror JSON, HTML and plain text, rendered without a DOM. */
  @Get('content')
  get(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sectionId', UuidPipe) sectionId: string,
  ): Promise<SectionContent> {
    return this.content.current(actor, projectId, sectionId);
  }
}
