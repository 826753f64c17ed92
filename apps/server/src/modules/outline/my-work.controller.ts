import type { MyWorkResponse } from '@kapitel/domain';
import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../common/decorators/actor.decorator.js';
import type { Actor as ActorType } from '../../common/http/request-context.js';
import { MyWorkService } from './my-work.service.js';

/** `GET /api/me/work`: the caller's sections in all their projects (docs/outline.md, "My sections"). */
@ApiTags('outline')
@Controller('me')
export class MyWorkController {
  constructor(private readonly work: MyWorkService) {}

  @Get('work')
  get(@Actor() actor: ActorType): Promise<MyWorkResponse> {
    return this.work.work(actor);
  }
}
