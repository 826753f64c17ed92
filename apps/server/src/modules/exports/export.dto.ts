import { EXPORT_MODES, type CreateExportRequest, type ExportMode } from '@kapitel/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class CreateExportDto implements CreateExportRequest {
  @ApiProperty({ enum: EXPORT_MODES, example: 'draft' })
  @IsIn(EXPORT_MODES, { message: `mode must be one of ${EXPORT_MODES.join(', ')}` })
  mode!: ExportMode;
}
