import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { MembersModule } from '../members/members.module.js';
import { AbbreviationController } from './abbreviation.controller.js';
import { AbbreviationEntity } from './abbreviation.entity.js';
import { AbbreviationRepository } from './abbreviation.repository.js';
import { AbbreviationService } from './abbreviation.service.js';

/** The report's list of abbreviations (docs/abbreviations.md); the export reads it through the service. */
@Module({
  imports: [TypeOrmModule.forFeature([AbbreviationEntity]), MembersModule, AuditModule],
  controllers: [AbbreviationController],
  providers: [AbbreviationService, AbbreviationRepository],
  exports: [AbbreviationService],
})
export class AbbreviationsModule {}
