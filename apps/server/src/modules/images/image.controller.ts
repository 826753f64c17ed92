import { DomainError, IMAGE_CONTENT_TYPES, type UploadedImage } from '@kapitel/domain';
import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from '../../common/decorators/actor.decorator.js';
import type { Actor as ActorType } from '../../common/http/request-context.js';
import { UuidPipe } from '../../common/pipes/uuid.pipe.js';
import { ImageService } from './image.service.js';

/** An image never changes under its id: a browser may keep it as long as it likes. */
const CACHE_FOREVER = 'private, max-age=31536000, immutable';

@ApiTags('images')
@Controller('projects/:projectId/images')
export class ImageController {
  constructor(private readonly images: ImageService) {}

  /** Uploads an image: the body is the raw bytes, the Content-Type their type. */
  @Post()
  @HttpCode(201)
  @ApiConsumes(...IMAGE_CONTENT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  async upload(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UploadedImage> {
    try {
      return await this.images.upload(actor, projectId, req);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'IMAGE_TOO_LARGE') {
        // The rest of the body is left unread: the connection cannot serve another request.
        res.setHeader('Connection', 'close');
      }
      throw error;
    }
  }

  /** The image's bytes with their Content-Type; 304 when the client's copy (ETag) is current. */
  @Get(':imageId')
  @ApiProduces(...IMAGE_CONTENT_TYPES)
  async read(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('imageId', UuidPipe) imageId: string,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.images.file(actor, projectId, imageId);
    res.status(200);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Cache-Control', CACHE_FOREVER);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('ETag', `"${file.sha256}"`);
    // Express answers 304 itself when If-None-Match names this ETag.
    res.send(file.data);
  }
}
