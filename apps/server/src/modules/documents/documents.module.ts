import { Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module.js';
import { ContentController } from './content.controller.js';
import { ContentService } from './content.service.js';
import { DocumentRepository } from './document.repository.js';

/** The stored text of sections: snapshot, update log, versions, and reading it. */
@Module({
  imports: [MembersModule],
  controllers: [ContentController],
  providers: [DocumentRepository, ContentService],
  exports: [DocumentRepository],
})
export class DocumentsModule {}
