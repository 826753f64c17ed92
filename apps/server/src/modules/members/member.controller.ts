import type {
  AcceptInvitationResponse,
  CreatedInvitation,
  Invitation,
  InvitationPreview,
  Member,
} from '@kapitel/domain';
import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, OptionalActor, Public } from '../../common/decorators/actor.decorator.js';
import type { Actor as ActorType, KapitelRequest } from '../../common/http/request-context.js';
import { UuidPipe } from '../../common/pipes/uuid.pipe.js';
import type { RequestHost } from '../auth/password-reset-link.js';
import { CreateInvitationDto, UpdateMemberDto } from './member.dto.js';
import { InvitationTokenPipe } from './invitation-token.pipe.js';
import { InvitationService } from './invitation.service.js';
import { MemberService } from './member.service.js';

/** The host a request was sent to (after `trust proxy`), from which links may be built. */
function hostOf(req: KapitelRequest): RequestHost {
  return { protocol: req.protocol, host: req.get('host') ?? 'localhost', hostname: req.hostname };
}

@ApiTags('members')
@Controller()
export class MemberController {
  constructor(
    private readonly members: MemberService,
    private readonly invitations: InvitationService,
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

  /**
   * A lead removes a member; any member removes themselves (leaves the project, "Projekt
   * verlassen"), except the last lead: 409 LAST_LEAD, like a removal that would leave no lead.
   */
  @Delete('projects/:projectId/members/:userId')
  @HttpCode(204)
  remove(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('userId', UuidPipe) userId: string,
  ): Promise<void> {
    return this.members.remove(actor, projectId, userId);
  }

  /** 201 with the link (shown this once) and whether it was e-mailed (`emailStatus`). */
  @Post('projects/:projectId/invitations')
  invite(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Body() dto: CreateInvitationDto,
    @Req() req: KapitelRequest,
  ): Promise<CreatedInvitation> {
    return this.invitations.create(actor, projectId, dto, hostOf(req));
  }

  /** A new link for an open or expired invitation; the old one stops working. 201 as creating. */
  @Post('projects/:projectId/invitations/:invitationId/renew')
  renew(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('invitationId', UuidPipe) invitationId: string,
    @Req() req: KapitelRequest,
  ): Promise<CreatedInvitation> {
    return this.invitations.renew(actor, projectId, invitationId, hostOf(req));
  }

  @Get('projects/:projectId/invitations')
  listInvitations(@Actor() actor: ActorType, @Param('projectId', UuidPipe) projectId: string): Promise<Invitation[]> {
    return this.invitations.list(actor, projectId);
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
