import type { AbbreviationResponse, AbbreviationsResponse } from '@kapitel/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../common/decorators/actor.decorator.js';
import type { Actor as ActorType } from '../../common/http/request-context.js';
import { UuidPipe } from '../../common/pipes/uuid.pipe.js';
import { CreateAbbreviationDto, UpdateAbbreviationDto } from './abbreviation.dto.js';
import { AbbreviationService } from './abbreviation.service.js';

@ApiTags('abbreviations')
@Controller('projects/:projectId/abbreviations')
export class AbbreviationController {
  constructor(private readonly abbreviations: AbbreviationService) {}

  /** The project's list of abbreviations, sorted by `short` as the PDF prints it. */
  @Get()
  list(@Actor() actor: ActorType, @Param('projectId', UuidPipe) projectId: string): Promise<AbbreviationsResponse> {
    return this.abbreviations.list(actor, projectId);
  }

  @Post()
  async create(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Body() dto: CreateAbbreviationDto,
  ): Promise<AbbreviationResponse> {
    return { abbreviation: await this.abbreviations.create(actor, projectId, dto) };
  }

  /** Either field or both. */
  @Patch(':abbreviationId')
  async update(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('abbreviationId', UuidPipe) abbreviationId: string,
    @Body() dto: UpdateAbbreviationDto,
  ): Promise<AbbreviationResponse> {
    return { abbreviation: await this.abbreviations.update(actor, projectId, abbreviationId, dto) };
  }

  @Delete(':abbreviationId')
  @HttpCode(204)
  remove(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('abbreviationId', UuidPipe) abbreviationId: string,
  ): Promise<void> {
    return this.abbreviations.remove(actor, projectId, abbreviationId);
  }
}
