import type { SearchResponse } from '@kapitel/domain';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../common/decorators/actor.decorator.js';
import type { Actor as ActorType } from '../../common/http/request-context.js';
import { UuidPipe } from '../../common/pipes/uuid.pipe.js';
import { SearchQueryDto } from './search.dto.js';
import { SearchService } from './search.service.js';

@ApiTags('search')
@Controller('projects/:projectId/search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  /** The sections whose title or current text contains `q`, in outline order, with snippets of the text; and the comments whose body does. */
  @Get()
  find(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Query() query: SearchQueryDto,
  ): Promise<SearchResponse> {
    return this.search.search(actor, projectId, query.q);
  }
}
