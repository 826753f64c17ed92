import { Global, Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module.js';
import { ChangeFeed } from './change-feed.js';
import { EventStreams } from './event-streams.js';
import { EventsController } from './events.controller.js';

/** Project changes, heard from PostgreSQL NOTIFY: for live connections and event streams. */
@Global()
@Module({
  imports: [MembersModule],
  controllers: [EventsController],
  providers: [ChangeFeed, EventStreams],
  exports: [ChangeFeed],
})
export class EventsModule {}
