import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { MembersModule } from '../members/members.module.js';
import { ImageController } from './image.controller.js';
import { ImageEntity } from './image.entity.js';
import { ImageRepository } from './image.repository.js';
import { ImageService } from './image.service.js';

/** A project's uploaded images: upload, read, and their bytes for the export (docs/images.md). */
@Module({
  imports: [TypeOrmModule.forFeature([ImageEntity]), MembersModule, AuditModule],
  controllers: [ImageController],
  providers: [ImageService, ImageRepository],
  exports: [ImageService],
})
export class ImagesModule {}
