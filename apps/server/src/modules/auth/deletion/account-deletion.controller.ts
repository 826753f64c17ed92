import type { AccountDeletionPreview } from '@kapitel/domain';
import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor } from '../../../common/decorators/actor.decorator.js';
import { SESSION_COOKIE, type Actor as ActorType } from '../../../common/http/request-context.js';
import { DeleteAccountDto } from '../account.dto.js';
import { AccountDeletionService } from './account-deletion.service.js';

/** Deleting one's own account (docs/accounts.md, "Deleting the account"). */
@ApiTags('accounts')
@Controller('me/deletion')
export class AccountDeletionController {
  constructor(private readonly deletion: AccountDeletionService) {}

  /** Which projects block the deletion, go with it, or are left. */
  @Get()
  preview(@Actor() actor: ActorType): Promise<AccountDeletionPreview> {
    return this.deletion.preview(actor);
  }

  /** 204; 403 WRONG_PASSWORD; 409 ACCOUNT_SOLE_LEAD naming the projects. Every session ends. */
  @Post()
  @HttpCode(204)
  async remove(
    @Actor() actor: ActorType,
    @Body() dto: DeleteAccountDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.deletion.remove(actor, dto);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }
}
