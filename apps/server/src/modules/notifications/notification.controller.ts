import type { NotificationPage, UnreadCountResponse } from '@kapitel/domain';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../common/decorators/actor.decorator.js';
import type { Actor as ActorType } from '../../common/http/request-context.js';
import { UuidPipe } from '../../common/pipes/uuid.pipe.js';
import { NotificationQueryDto } from './notification.dto.js';
import { NotificationService } from './notification.service.js';

/** The caller's own notifications; nobody can read or mark anyone else's. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  list(@Actor() actor: ActorType, @Query() query: NotificationQueryDto): Promise<NotificationPage> {
    return this.notifications.list(actor, query);
  }

  @Get('unread-count')
  unreadCount(@Actor() actor: ActorType): Promise<UnreadCountResponse> {
    return this.notifications.unreadCount(actor);
  }

  @Post('read-all')
  @HttpCode(200)
  readAll(@Actor() actor: ActorType): Promise<UnreadCountResponse> {
    return this.notifications.markAllRead(actor);
  }

  @Post(':notificationId/read')
  @HttpCode(200)
  read(
    @Actor() actor: ActorType,
    @Param('notificationId', UuidPipe) notificationId: string,
  ): Promise<UnreadCountResponse> {
    return this.notifications.markRead(actor, notificationId);
  }
}
