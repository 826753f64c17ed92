import { LIMITS, type NoObjectionsRequest } from '@kapitel/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class NoObjectionsDto implements NoObjectionsRequest {
  @ApiPropertyOptional({ description: 'a short note for the leads, e.g. what was checked' })
  @Transform(trim)
  @IsOptional()
  @MaxLength(LIMITS.transitionNoteMaxLength, {
    message: `note must be at most ${LIMITS.transitionNoteMaxLength} characters`,
  })
  @IsString({ message: 'note must be text' })
  note?: string;
}
