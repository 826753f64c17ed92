import type { UserResponse } from '@kapitel/domain';
import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Actor, Client, Public } from '../../common/decorators/actor.decorator.js';
import { SESSION_COOKIE, type Actor as ActorType, type ClientInfo, type KapitelRequest } from '../../common/http/request-context.js';
import { LoginDto, RegisterDto } from './auth.dto.js';
import { AuthService, type SignedIn } from './auth.service.js';

@ApiTags('accounts')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('auth/register')
  async register(
    @Body() dto: RegisterDto,
    @Client() client: ClientInfo,
    @Req() req: KapitelRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UserResponse> {
    return this.setCookie(await this.auth.register(dto, client), req, res);
  }

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  async login(
    @Body() dto: LoginDto,
    @Client() client: ClientInfo,
    @Req() req: KapitelRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UserResponse> {
    return this.setCookie(await this.auth.login(dto, client), req, res);
  }

  @Post('auth/logout')
  @HttpCode(204)
  async logout(@Actor() actor: ActorType, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(actor);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  async me(@Actor() actor: ActorType): Promise<UserResponse> {
    return { user: await this.auth.me(actor) };
  }

  private setCookie(signedIn: SignedIn, req: KapitelRequest, res: Response): UserResponse {
    res.cookie(SESSION_COOKIE, signedIn.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure || this.config.publicOrigin?.startsWith('https:') === true,
      path: '/',
      maxAge: signedIn.maxAgeMs,
    });
    return { user: signedIn.user };
  }
}
