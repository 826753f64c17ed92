import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from '../../common/decorators/actor.decorator.js';
import type { Actor as ActorType } from '../../common/http/request-context.js';
import { UuidPipe } from '../../common/pipes/uuid.pipe.js';
import { MemberService } from '../members/member.service.js';
import { EventStreams } from './event-streams.js';

@ApiTags('projects')
@Controller('projects/:projectId/events')
export class EventsController {
  constructor(
    private readonly members: MemberService,
    private readonly streams: EventStreams,
  ) {}

  /**
   * Server-sent events: `change` with a ProjectChange ({projectId, topic, sectionId?,
   * userId?, exportId?}) whenever something in the project changes; `resync` when changes may have
   * been missed; `revoked` when the caller is no longer a member; `signed-out` when the
   * session the stream was opened with ended (logout or expiry). Without a session: 401.
   */
  @Get()
  @ApiProduces('text/event-stream')
  async open(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.members.assertCan(projectId, actor.userId, 'project.read');
    this.streams.open(projectId, actor.userId, { sessionId: actor.sessionId, expiresAt: actor.sessionExpiresAt }, req, res);
  }
}
