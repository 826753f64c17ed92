import { EXPORT_MODES, type ExportMode } from '@kapitel/domain';
import { buildRenderData, ODT_MEDIA_TYPE, renderOdt } from '@kapitel/export';
import { Controller, Get, Injectable, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Actor } from '../../common/decorators/actor.decorator.js';
import type { Actor as ActorType } from '../../common/http/request-context.js';
import { UuidPipe } from '../../common/pipes/uuid.pipe.js';
import { AuditService } from '../audit/audit.service.js';
import { MemberService } from '../members/member.service.js';
import { exportFilename } from './export-filename.js';
import { reportDate, ReportSource } from './report-source.js';

export class OdtQueryDto {
  @ApiProperty({ enum: EXPORT_MODES, required: false, default: 'draft' })
  @IsOptional()
  @IsIn(EXPORT_MODES, { message: `mode must be one of ${EXPORT_MODES.join(', ')}` })
  mode?: ExportMode;
}

/**
 * The report as an editable OpenDocument text (docs/export.md, "ODT"): the same report model
 * and render data as the PDF, written as ODF XML instead of typeset. No job and no renderer
 * process: it is string building and a zip, done at once. Who may export a PDF of the mode
 * may download it; a final one only while every section is approved (409 otherwise).
 */
@Injectable()
export class OdtExport {
  constructor(
    private readonly source: ReportSource,
    private readonly members: MemberService,
    private readonly audit: AuditService,
  ) {}

  async file(
    actor: ActorType,
    projectId: string,
    mode: ExportMode,
  ): Promise<{ odt: Uint8Array; filename: string }> {
    await this.members.assertCan(projectId, actor.userId, mode === 'final' ? 'export.final' : 'export.draft');
    if (mode === 'final') {
      await this.source.assertAllApproved(projectId);
    }
    const at = new Date();
    const model = await this.source.build(projectId, mode, at, () => undefined);
    const odt = renderOdt(buildRenderData(model));
    await this.audit.record({
      action: 'export.odt_downloaded',
      actorId: actor.userId,
      projectId,
      targetType: 'project',
      targetId: projectId,
      data: { mode, size: odt.byteLength },
      client: actor,
    });
    return { odt, filename: exportFilename(model.title, model.language, mode, reportDate(at), 'odt') };
  }
}

@ApiTags('exports')
@Controller('projects/:projectId/odt')
export class OdtExportController {
  constructor(private readonly odt: OdtExport) {}

  /** The report as an OpenDocument text file, made on request. */
  @Get()
  async download(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
    @Query() query: OdtQueryDto,
  ): Promise<StreamableFile> {
    const { odt, filename } = await this.odt.file(actor, projectId, query.mode ?? 'draft');
    return new StreamableFile(odt, {
      type: ODT_MEDIA_TYPE,
      length: odt.byteLength,
      disposition: `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    });
  }
}
