import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { MembersModule } from '../members/members.module.js';
import { ImageCleanupRepository } from './image-cleanup.repository.js';
import { ImageCleanupService } from './image-cleanup.service.js';
import { ImageController } from './image.controller.js';
import { ImageEntity } from './image.entity.js';
import { ImageRepository } from './image.repository.js';
import { ImageService } from './image.service.js';

/**
 * A project's uploaded images: upload, read, their bytes for the export, and the hourly
 * removal of images nothing uses any more (docs/images.md).
 */
@Module({
  imports: [TypeOrmModule.forFeature([ImageEntity]), MembersModule, AuditModule, DocumentsModule],
  controllers: [ImageController],
  providers: [ImageService, ImageRepository, ImageCleanupService, ImageCleanupRepository],
  exports: [ImageService],
})
export class ImagesModule {}
