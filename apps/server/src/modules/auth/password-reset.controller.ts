import type { PasswordResetInfo } from '@kapitel/domain';
import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Client, Public } from '../../common/decorators/actor.decorator.js';
import type { ClientInfo } from '../../common/http/request-context.js';
import { PasswordResetConfirmDto, PasswordResetDto } from './account.dto.js';
import type { RequestHost } from './password-reset-link.js';
import { PasswordResetService } from './password-reset.service.js';

function hostOf(req: Request): RequestHost {
  return { protocol: req.protocol, host: req.get('host') ?? 'localhost', hostname: req.hostname };
}

/** Forgotten passwords (docs/accounts.md). None of these answers depends on whether an account exists. */
@ApiTags('accounts')
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  /** Whether this server e-mails reset links (else the operator makes them). */
  @Public()
  @Get()
  info(@Req() req: Request): PasswordResetInfo {
    return this.resets.info(hostOf(req));
  }

  /** Always 202 with the same body, whether the address has an account or not. */
  @Public()
  @Post()
  @HttpCode(202)
  request(@Body() dto: PasswordResetDto, @Req() req: Request, @Client() client: ClientInfo): Promise<PasswordResetInfo> {
    return this.resets.request(dto, hostOf(req), client);
  }

  /** 400 RESET_LINK_INVALID / _EXPIRED / _USED for a link that cannot be used. */
  @Public()
  @Post('confirm')
  @HttpCode(204)
  async confirm(@Body() dto: PasswordResetConfirmDto, @Client() client: ClientInfo): Promise<void> {
    await this.resets.confirm(dto, client);
  }
}
