import { Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module.js';
import { AuditLogController } from './audit-log.controller.js';
import { AuditLogService } from './audit-log.service.js';

/** The audit trail as leads read it; apart from AuditModule, which members itself needs. */
@Module({
  imports: [MembersModule],
  controllers: [AuditLogController],
  providers: [AuditLogService],
})
export class AuditLogModule {}
