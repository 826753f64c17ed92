import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { MembersModule } from '../members/members.module.js';
import { OutlineModule } from '../outline/outline.module.js';
import { ProjectController } from './project.controller.js';
import { ProjectEntity } from './project.entity.js';
import { ProjectRepository } from './project.repository.js';
import { ProjectService } from './project.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ProjectEntity]), MembersModule, AuditModule, OutlineModule],
  controllers: [ProjectController],
  providers: [ProjectService, ProjectRepository],
  exports: [ProjectService],
})
export class ProjectsModule {}
