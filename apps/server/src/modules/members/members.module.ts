import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { InvitationDelivery } from './invitation-delivery.js';
import { InvitationEntity } from './invitation.entity.js';
import { InvitationMailer } from './invitation-mailer.js';
import { InvitationRepository } from './invitation.repository.js';
import { InvitationService } from './invitation.service.js';
import { MemberController } from './member.controller.js';
import { MemberEntity } from './member.entity.js';
import { MemberRepository } from './member.repository.js';
import { MemberService } from './member.service.js';
import { MembershipHooks } from './membership-hooks.js';

@Module({
  imports: [TypeOrmModule.forFeature([MemberEntity, InvitationEntity]), AuditModule, AuthModule],
  controllers: [MemberController],
  providers: [
    MemberService,
    MemberRepository,
    MembershipHooks,
    InvitationService,
    InvitationRepository,
    InvitationDelivery,
    InvitationMailer,
  ],
  exports: [MemberService, MemberRepository, MembershipHooks],
})
export class MembersModule {}
