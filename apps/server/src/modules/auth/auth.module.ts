import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { SessionEntity } from './session.entity.js';
import { SessionMiddleware } from './session.middleware.js';
import { SessionRepository } from './session.repository.js';
import { SessionService } from './session.service.js';
import { UserEntity } from './user.entity.js';
import { UserRepository } from './user.repository.js';
import { UserService } from './user.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity]), AuditModule],
  controllers: [AuthController],
  providers: [AuthService, SessionService, SessionRepository, UserRepository, UserService, SessionMiddleware],
  exports: [SessionService, SessionMiddleware, UserService],
})
export class AuthModule {}
