import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import type { JSONContent } from '@tiptap/core';
import { IsObject } from 'class-validator';
import { Actor } from '../../common/decorators/actor.decorator.js';
import type { Actor as ActorType } from '../../common/http/request-context.js';
import { UuidPipe } from '../../common/pipes/uuid.pipe.js';
import { ContentFillService } from './content-fill.service.js';

export class FillContentDto {
  @ApiProperty({
    description: 'the text as ProseMirror JSON of the editor schema: {"type":"doc","content":[…]}',
  })
  @IsObject({ message: 'json must be an object: a ProseMirror document' })
  json!: JSONContent;
}

@ApiTags('sections')
@Controller('projects/:projectId/sections/:sectionId/content')
export class ContentFillController {
  constructor(private readonly fills: ContentFillService) {}

  /** Fills an empty section with a text (docs/import.md); 409 when it has text already. */
  @Post()
  @HttpCode(204)
  async fill(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('sectionId', UuidPipe) sectionId: string,
    @Body() dto: FillContentDto,
  ): Promise<void> {
    await this.fills.fill(actor, projectId, sectionId, dto.json);
  }
}
