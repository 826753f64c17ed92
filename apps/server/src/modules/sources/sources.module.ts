import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { MembersModule } from '../members/members.module.js';
import { OutlineModule } from '../outline/outline.module.js';
import { SourceCitations } from './source-citations.js';
import { SourceImportService } from './source-import.service.js';
import { SourceController } from './source.controller.js';
import { SourceEntity } from './source.entity.js';
import { SourceRepository } from './source.repository.js';
import { SourceService } from './source.service.js';

/**
 * The report's list of sources (docs/sources.md). The texts that cite sources come from the
 * outline's ReportTextService and the stored approval versions; the export reads the list
 * through SourceService.
 */
@Module({
  imports: [TypeOrmModule.forFeature([SourceEntity]), MembersModule, AuditModule, DocumentsModule, OutlineModule],
  controllers: [SourceController],
  providers: [SourceService, SourceImportService, SourceRepository, SourceCitations],
  exports: [SourceService],
})
export class SourcesModule {}
