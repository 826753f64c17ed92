import { Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module.js';
import { ContentRenderer } from './content-renderer.js';
import { ContentController } from './content.controller.js';
import { ContentService } from './content.service.js';
import { DocumentRepository } from './document.repository.js';
import { UpdateLog } from './update-log.js';

/**
 * The stored text of sections: snapshot, update log (its own connections: `UpdateLog`), versions, and reading it.
 * Snapshots and versions are rendered in a worker thread (`ContentRenderer`).
 */
@Module({
  imports: [MembersModule],
  controllers: [ContentController],
  providers: [DocumentRepository, ContentRenderer, UpdateLog, ContentService],
  exports: [DocumentRepository, UpdateLog],
})
export class DocumentsModule {}
