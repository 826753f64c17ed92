import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CollabModule } from '../collab/collab.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { MembersModule } from '../members/members.module.js';
import { OutlineModule } from '../outline/outline.module.js';
import { ContentFillController } from './content-fill.controller.js';
import { ContentFillService } from './content-fill.service.js';
import { VersionRestoreService } from './version-restore.service.js';
import { VersionController } from './version.controller.js';
import { VersionService } from './version.service.js';

/** A section's versions: list, read, keep a named one, restore one; and filling an empty section (both through the collaboration room). */
@Module({
  imports: [MembersModule, OutlineModule, DocumentsModule, AuditModule, CollabModule],
  controllers: [VersionController, ContentFillController],
  providers: [VersionService, VersionRestoreService, ContentFillService],
})
export class VersionsModule {}
