import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module.js';
import { MembersModule } from '../../members/members.module.js';
import { ProjectsModule } from '../../projects/projects.module.js';
import { AuthModule } from '../auth.module.js';
import { AccountDeletionController } from './account-deletion.controller.js';
import { AccountDeletionRepository } from './account-deletion.repository.js';
import { AccountDeletionService } from './account-deletion.service.js';

/**
 * Deleting an account. A module of its own beside AuthModule: it ends memberships and deletes
 * projects through their services, and those modules import AuthModule (no cycles).
 */
@Module({
  imports: [AuthModule, MembersModule, ProjectsModule, AuditModule],
  controllers: [AccountDeletionController],
  providers: [AccountDeletionService, AccountDeletionRepository],
})
export class AccountDeletionModule {}
