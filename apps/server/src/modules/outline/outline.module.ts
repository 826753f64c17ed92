import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { MembersModule } from '../members/members.module.js';
import { DashboardService } from './dashboard.service.js';
import { FiguresService } from './figures.service.js';
import { ReportTextService } from './report-text.service.js';
import { OutlineController } from './outline.controller.js';
import { OutlineService } from './outline.service.js';
import { ReferencesService } from './references.service.js';
import { ReviewController } from './review.controller.js';
import { ReviewService } from './review.service.js';
import { SectionSettingsService } from './section-settings.service.js';
import { SectionAssigneeEntity, SectionEntity, SectionTransitionEntity } from './section.entity.js';
import { SectionRepository } from './section.repository.js';
import { TemplateController } from './template.controller.js';
import { TransitionRepository } from './transition.repository.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([SectionEntity, SectionAssigneeEntity, SectionTransitionEntity]),
    MembersModule,
    AuditModule,
    DocumentsModule,
  ],
  controllers: [OutlineController, ReviewController, TemplateController],
  providers: [
    OutlineService,
    ReferencesService,
    FiguresService,
    ReportTextService,
    SectionSettingsService,
    ReviewService,
    DashboardService,
    SectionRepository,
    TransitionRepository,
  ],
  // ReportTextService: the sources' module reads the texts that cite a source through it.
  exports: [OutlineService, ReportTextService],
})
export class OutlineModule {}
