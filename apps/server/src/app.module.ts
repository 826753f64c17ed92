import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { AuthGuard } from './common/guards/auth.guard.js';
import { dataSourceOptions } from './database/data-source.js';
import { AbbreviationsModule } from './modules/abbreviations/abbreviations.module.js';
import { AuditLogModule } from './modules/audit/audit-log.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { AccountDeletionModule } from './modules/auth/deletion/account-deletion.module.js';
import { CollabModule } from './modules/collab/collab.module.js';
import { CommentsModule } from './modules/comments/comments.module.js';
import { DocumentsModule } from './modules/documents/documents.module.js';
import { RateLimitModule } from './common/rate-limits/rate-limit.module.js';
import { EventsModule } from './modules/events/events.module.js';
import { ExportsModule } from './modules/exports/exports.module.js';
import { SessionMiddleware } from './modules/auth/session.middleware.js';
import { HealthModule } from './modules/health/health.module.js';
import { ImagesModule } from './modules/images/images.module.js';
import { MembersModule } from './modules/members/members.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { MyWorkModule } from './modules/outline/my-work.module.js';
import { OutlineModule } from './modules/outline/outline.module.js';
import { ProjectsModule } from './modules/projects/projects.module.js';
import { SearchModule } from './modules/search/search.module.js';
import { SourcesModule } from './modules/sources/sources.module.js';
import { VersionsModule } from './modules/versions/versions.module.js';

/** Global configuration, visible to every module. */
@Module({})
class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}

@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), retryAttempts: 0 }),
        AuditModule,
        AuthModule,
        AccountDeletionModule,
        MembersModule,
        ProjectsModule,
        NotificationsModule,
        OutlineModule,
        AbbreviationsModule,
        SourcesModule,
        MyWorkModule,
        CommentsModule,
        EventsModule,
        RateLimitModule,
        DocumentsModule,
        CollabModule,
        VersionsModule,
        SearchModule,
        ImagesModule,
        ExportsModule,
        AuditLogModule,
        HealthModule,
      ],
      providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // '{*path}' (path-to-regexp 8): every route under the global prefix; a bare '*' made Nest warn at each start.
    consumer.apply(SessionMiddleware).forRoutes('{*path}');
  }
}
