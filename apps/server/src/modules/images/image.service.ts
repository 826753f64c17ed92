import { createHash } from 'node:crypto';
import {
  bytesAreOfType,
  DomainError,
  IMAGE_CONTENT_TYPES,
  isImageContentType,
  pixelSizeOf,
  type ImageContentType,
  type UploadedImage,
} from '@kapitel/domain';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/http/request-context.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { MemberService } from '../members/member.service.js';
import { ImageRepository, type ImageFile } from './image.repository.js';
import { readRawBody } from './request-body.js';

const TYPE_NAMES = IMAGE_CONTENT_TYPES.join(', ');

/** The media type of a Content-Type header, without parameters, lower-cased. */
function mediaTypeOf(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

/** Uploading a project's images and reading them back (docs/images.md). */
@Injectable()
export class ImageService {
  constructor(
    private readonly images: ImageRepository,
    private readonly members: MemberService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /**
   * Stores the request's body as an image of the project. Checked in the order that costs
   * least: the caller's rights, the declared type, the declared size; only then is the body
   * read, its size, emptiness and magic number checked.
   */
  async upload(actor: Actor, projectId: string, req: Request): Promise<UploadedImage> {
    await this.members.assertCan(projectId, actor.userId, 'image.upload');
    const contentType = this.declaredType(req.headers['content-type']);
    const data = await readRawBody(req, this.config.imageMaxBytes);
    if (data.byteLength === 0) {
      throw new DomainError('IMAGE_EMPTY', 'The request body is empty; send the image bytes as the body');
    }
    if (!bytesAreOfType(contentType, data)) {
      throw new DomainError('IMAGE_TYPE_UNSUPPORTED', `The bytes are not of type ${contentType}: their magic number does not match the Content-Type`);
    }
    const size = pixelSizeOf(contentType, data);
    const sha256 = createHash('sha256').update(data).digest('hex');
    return this.db.transaction(async (em) => {
      const stored = await this.images.insertOnce(
        { projectId, contentType, width: size?.width ?? null, height: size?.height ?? null, sha256, data, createdBy: actor.userId },
        em,
      );
      if (stored.created) {
        await this.audit.record(
          { action: 'image.uploaded', actorId: actor.userId, projectId, targetType: 'image', targetId: stored.image.id,
            data: { contentType, bytes: data.byteLength }, client: actor },
          em,
        );
      }
      return stored.image;
    });
  }

  /** An image's bytes for a member of its project; NOT_FOUND for an image of another project. */
  async file(actor: Actor, projectId: string, imageId: string): Promise<ImageFile> {
    await this.members.assertCan(projectId, actor.userId, 'project.read');
    const file = await this.images.findFile(projectId, imageId);
    if (!file) {
      throw new DomainError('NOT_FOUND', 'No such image in this project');
    }
    return file;
  }

  /**
   * The bytes of those of `imageIds` that belong to the project, taken in the given order
   * while their sizes add up to at most `maxTotalBytes`. For the export, which checked access
   * itself; ids of other projects' images are simply not found.
   */
  async filesOf(projectId: string, imageIds: string[], maxTotalBytes: number): Promise<Array<ImageFile & { id: string }>> {
    const sizes = await this.images.sizesOf(projectId, imageIds);
    const chosen: string[] = [];
    let total = 0;
    for (const id of imageIds) {
      const size = sizes.get(id);
      if (size !== undefined && total + size <= maxTotalBytes) {
        chosen.push(id);
        total += size;
      }
    }
    return this.images.findFiles(projectId, chosen);
  }

  private declaredType(header: string | undefined): ImageContentType {
    const type = mediaTypeOf(header);
    if (!isImageContentType(type)) {
      const given = type ? `"${type.slice(0, 100)}"` : 'none';
      throw new DomainError('IMAGE_TYPE_UNSUPPORTED', `Content-Type must be one of ${TYPE_NAMES}; got ${given}`);
    }
    return type;
  }
}
