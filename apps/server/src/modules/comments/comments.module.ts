import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { MembersModule } from '../members/members.module.js';
import { OutlineModule } from '../outline/outline.module.js';
import { CommentCountController } from './comment-count.controller.js';
import { CommentController } from './comment.controller.js';
import { CommentEntity } from './comment.entity.js';
import { CommentRepository } from './comment.repository.js';
import { CommentService } from './comment.service.js';

/** Comment threads on sections; notifications come from the (global) notifications module. */
@Module({
  imports: [TypeOrmModule.forFeature([CommentEntity]), MembersModule, OutlineModule, AuditModule],
  controllers: [CommentController, CommentCountController],
  providers: [CommentService, CommentRepository],
})
export class CommentsModule {}
