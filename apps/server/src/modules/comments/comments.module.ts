import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CollabModule } from '../collab/collab.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { MembersModule } from '../members/members.module.js';
import { OutlineModule } from '../outline/outline.module.js';
import { CommentCountController } from './comment-count.controller.js';
import { CommentController } from './comment.controller.js';
import { CommentEntity } from './comment.entity.js';
import { CommentRepository } from './comment.repository.js';
import { CommentService } from './comment.service.js';
import { CommentSuggestions } from './comment-suggestions.js';

/**
 * Comment threads on sections, with suggested changes (put into the text through the
 * collaboration room); notifications come from the (global) notifications module. */
@Module({
  imports: [
    TypeOrmModule.forFeature([CommentEntity]),
    MembersModule,
    OutlineModule,
    AuditModule,
    DocumentsModule,
    CollabModule,
  ],
  controllers: [CommentController, CommentCountController],
  providers: [CommentService, CommentRepository, CommentSuggestions],
})
export class CommentsModule {}
