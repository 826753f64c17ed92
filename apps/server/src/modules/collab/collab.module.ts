import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { MembersModule } from '../members/members.module.js';
import { CollabAccess } from './collab-access.js';
import { CollabGateway } from './collab.gateway.js';
import { CollabService } from './collab.service.js';

/** Live co-editing over y-websocket at /collab/<sectionId>. */
@Module({
  imports: [AuthModule, MembersModule, AuditModule, DocumentsModule],
  providers: [CollabAccess, CollabService, CollabGateway],
  exports: [CollabService],
})
export class CollabModule {}
