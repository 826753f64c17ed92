import type { ChangeEmailResponse, EndedSessionsResponse, UserResponse } from '@kapitel/domain';
import { Body, Controller, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../common/decorators/actor.decorator.js';
import type { Actor as ActorType } from '../../common/http/request-context.js';
import { ChangeEmailDto, ChangePasswordDto, UpdateMeDto } from './account.dto.js';
import { AccountService } from './account.service.js';

/** The signed-in user's own account (GET /api/me is AuthController's); docs/accounts.md. */
@ApiTags('accounts')
@Controller('me')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  /** Name and organisation, with the registration's rules. */
  @Patch()
  async update(@Actor() actor: ActorType, @Body() dto: UpdateMeDto): Promise<UserResponse> {
    return { user: await this.account.updateProfile(actor, dto) };
  }

  /** 403 WRONG_PASSWORD when `currentPassword` is wrong; every other session ends. */
  @Post('password')
  @HttpCode(200)
  changePassword(@Actor() actor: ActorType, @Body() dto: ChangePasswordDto): Promise<EndedSessionsResponse> {
    return this.account.changePassword(actor, dto);
  }

  /**
   * 403 WRONG_PASSWORD, 409 EMAIL_TAKEN (details name `newEmail`); every other session ends and
   * the old address gets a notice when this server sends e-mail.
   */
  @Post('email')
  @HttpCode(200)
  changeEmail(@Actor() actor: ActorType, @Body() dto: ChangeEmailDto): Promise<ChangeEmailResponse> {
    return this.account.changeEmail(actor, dto);
  }

  @Post('sessions/end-others')
  @HttpCode(200)
  endOtherSessions(@Actor() actor: ActorType): Promise<EndedSessionsResponse> {
    return this.account.endOtherSessions(actor);
  }
}
