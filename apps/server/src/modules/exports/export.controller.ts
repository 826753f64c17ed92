import type { CreatedExport, ExportJob } from '@kapitel/domain';
import { Body, Controller, Get, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../common/decorators/actor.decorator.js';
import type { Actor as ActorType } from '../../common/http/request-context.js';
import { UuidPipe } from '../../common/pipes/uuid.pipe.js';
import { CreateExportDto } from './export.dto.js';
import { ExportService } from './export.service.js';

@ApiTags('exports')
@Controller('projects/:projectId/exports')
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  /** Queues a PDF export; follow it with GET .../exports/:exportId. */
  @Post()
  @HttpCode(202)
  create(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Body() dto: CreateExportDto,
  ): Promise<CreatedExport> {
    return this.exports.create(actor, projectId, dto.mode);
  }

  /** Earlier exports of the project, newest first. */
  @Get()
  list(@Actor() actor: ActorType, @Param('projectId', UuidPipe) projectId: string): Promise<ExportJob[]> {
    return this.exports.list(actor, projectId);
  }

  @Get(':exportId')
  get(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('exportId', UuidPipe) exportId: string,
  ): Promise<ExportJob> {
    return this.exports.get(actor, projectId, exportId);
  }

  /** The PDF of a finished export. */
  @Get(':exportId/file')
  async file(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Param('exportId', UuidPipe) exportId: string,
  ): Promise<StreamableFile> {
    const { pdf, filename } = await this.exports.file(actor, projectId, exportId);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      length: pdf.byteLength,
      disposition: `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    });
  }
}
