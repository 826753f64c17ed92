import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AccountEraser } from './account-eraser.js';
import { AccountLimits } from './account-limits.js';
import { AccountController } from './account.controller.js';
import { AccountService } from './account.service.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { CurrentPasswordCheck } from './current-password.js';
import { PasswordResetController } from './password-reset.controller.js';
import { PasswordResetEntity } from './password-reset.entity.js';
import { PasswordResetRepository } from './password-reset.repository.js';
import { PasswordResetService } from './password-reset.service.js';
import { PasswordWriter } from './password-writer.js';
import { ResetMailer } from './reset-mailer.js';
import { SessionEntity } from './session.entity.js';
import { SessionMiddleware } from './session.middleware.js';
import { SessionRepository } from './session.repository.js';
import { SessionService } from './session.service.js';
import { UserEntity } from './user.entity.js';
import { UserRepository } from './user.repository.js';
import { UserService } from './user.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity, PasswordResetEntity]), AuditModule],
  controllers: [AuthController, AccountController, PasswordResetController],
  providers: [
    AuthService,
    SessionService,
    SessionRepository,
    UserRepository,
    UserService,
    SessionMiddleware,
    // The account page and forgotten passwords (docs/accounts.md).
    AccountService,
    AccountLimits,
    CurrentPasswordCheck,
    AccountEraser,
    PasswordWriter,
    PasswordResetService,
    PasswordResetRepository,
    ResetMailer,
  ],
  // CurrentPasswordCheck and AccountEraser: for the account's deletion (./deletion), which needs the members module too.
  exports: [SessionService, SessionMiddleware, UserService, CurrentPasswordCheck, AccountEraser],
})
export class AuthModule {}
