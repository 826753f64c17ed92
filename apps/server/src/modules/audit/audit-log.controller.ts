import type { AuditLogPage } from '@kapitel/domain';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../common/decorators/actor.decorator.js';
import type { Actor as ActorType } from '../../common/http/request-context.js';
import { UuidPipe } from '../../common/pipes/uuid.pipe.js';
import { AuditQueryDto } from './audit-log.dto.js';
import { AuditLogService } from './audit-log.service.js';

@ApiTags('audit')
@Controller('projects/:projectId/audit')
export class AuditLogController {
  constructor(private readonly log: AuditLogService) {}

  @Get()
  page(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Query() query: AuditQueryDto,
  ): Promise<AuditLogPage> {
    return this.log.page(actor, projectId, query);
  }
}
