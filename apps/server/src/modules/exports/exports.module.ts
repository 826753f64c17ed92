import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AbbreviationsModule } from '../abbreviations/abbreviations.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { ImagesModule } from '../images/images.module.js';
import { MembersModule } from '../members/members.module.js';
import { SourcesModule } from '../sources/sources.module.js';
import { ExportController } from './export.controller.js';
import { ExportEntity } from './export.entity.js';
import { ExportRepository } from './export.repository.js';
import { ExportRunner } from './export-runner.js';
import { ExportService } from './export.service.js';
import { OdtExport, OdtExportController } from './odt-export.js';
import { ReportSource } from './report-source.js';

/**
 * PDF exports: the queue in PostgreSQL, the runner with its renderer process, the routes; and
 * the editable ODT made on request (docs/export.md).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ExportEntity]),
    MembersModule,
    AuditModule,
    DocumentsModule,
    ImagesModule,
    AbbreviationsModule,
    SourcesModule,
  ],
  controllers: [ExportController, OdtExportController],
  providers: [ExportService, ExportRepository, ExportRunner, ReportSource, OdtExport],
})
export class ExportsModule {}
