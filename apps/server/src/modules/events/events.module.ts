import { Global, Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module.js';
import { ChangeFeed } from './change-feed.js';
import { EventStreams } from './event-streams.js';
import { EventsController } from './events.controller.js';
import { LiveSessions } from './live-sessions.js';

/**
 * Project changes and ended sessions, heard from PostgreSQL NOTIFY: for live connections and
 * event streams, which also end with their session (LiveSessions).
 */
@Global()
@Module({
  imports: [MembersModule],
  controllers: [EventsController],
  providers: [ChangeFeed, EventStreams, LiveSessions],
  exports: [ChangeFeed, LiveSessions],
})
export class EventsModule {}
