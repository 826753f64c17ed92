import { Global, Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembersModule } from '../members/members.module.js';
import { MailOutbox } from './mail-outbox.js';
import { NotificationController } from './notification.controller.js';
import { NotificationEntity } from './notification.entity.js';
import { NotificationRepository } from './notification.repository.js';
import { NotificationService } from './notification.service.js';
import { RequestOrigin, RequestOriginMiddleware } from './request-origin.js';

/**
 * In-app notifications and their optional e-mails. Global because events that notify come
 * from several features (comments, the outline's assignments and review): each injects
 * `NotificationService` without the outline module having to import this one.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity]), MembersModule],
  controllers: [NotificationController],
  providers: [NotificationService, NotificationRepository, MailOutbox, RequestOrigin],
  exports: [NotificationService],
})
export class NotificationsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // '{*path}' (path-to-regexp 8): every route under the global prefix; a bare '*' made Nest warn at each start.
    consumer.apply(RequestOriginMiddleware).forRoutes('{*path}');
  }
}
