import type {
  AcceptInvitationResponse,
  CreatedInvitation,
  Invitation,
  InvitationPreview,
  Member,
} from '@kapitel/domain';
import { Body, Controller, Delete, Get, Header, HttpCode, Inject, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Actor, OptionalActor, Public } from '../../common/decorators/actor.decorator.js';
import type { Actor as ActorType, KapitelRequest } from '../../common/http/request-context.js';
import { UuidPipe } from '../../common/pipes/uuid.pipe.js';
import { CreateInvitationDto, UpdateMemberDto } from './member.dto.js';
import { InvitationTokenPipe } from './invitation-token.pipe.js';
import { InvitationService } from './invitation.service.js';
import { MemberService } from './member.service.js';

@ApiTags('members')
@Controller()
export class MemberController {
  constructor(
    private readonly members: MemberService,
    private readonly invitations: InvitationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('projects/:projectId/members')
  list(@Actor() actor: ActorType, @Param('projectId', UuidPipe) projectId: string): Promise<Member[]> {
    return this.members.list(actor, projectId);
  }

  @Patch('projects/:projectId/members/:userId')
  changeRole(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('userId', UuidPipe) userId: string,
    @Body() dto: UpdateMemberDto,
  ): Promise<Member> {
    return this.members.changeRole(actor, projectId, userId, dto.role);
  }

  @Delete('projects/:projectId/members/:userId')
  @HttpCode(204)
  remove(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('userId', UuidPipe) userId: string,
  ): Promise<void> {
    return this.members.remove(actor, projectId, userId);
  }

  @Post('projects/:projectId/invitations')
  invite(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Body() dto: CreateInvitationDto,
    @Req() req: KapitelRequest,
  ): Promise<CreatedInvitation> {
    const baseUrl = this.config.publicOrigin ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    return this.invitations.create(actor, projectId, dto, baseUrl);
  }

  @Get('projects/:projectId/invitations')
  listInvitations(@Actor() actor: ActorType, @Param('projectId', UuidPipe) projectId: string): Promise<Invitation[]> {
    return this.invitations.listOpen(actor, projectId);
  }

  @Delete('projects/:projectId/invitations/:invitationId')
  @HttpCode(204)
  revoke(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('invitationId', UuidPipe) invitationId: string,
  ): Promise<void> {
    return this.invitations.revoke(actor, projectId, invitationId);
  }

  // Public: the invitee usually opens the link before having an account. No caching: the
  // answer names a person and differs by session.
  @Public()
  @Get('invitations/:token')
  @Header('Cache-Control', 'no-store')
  preview(
    @OptionalActor() actor: ActorType | null,
    @Param('token', InvitationTokenPipe) token: string,
  ): Promise<InvitationPreview> {
    return this.invitations.preview(actor, token);
  }

  @Post('invitations/:token/accept')
  @HttpCode(200)
  accept(@Actor() actor: ActorType, @Param('token', InvitationTokenPipe) token: string): Promise<AcceptInvitationResponse> {
    return this.invitations.accept(actor, token);
  }
}
