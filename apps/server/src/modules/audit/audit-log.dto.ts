import { LIMITS } from '@kapitel/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'read events older than this event id (from nextBefore)' })
  @IsOptional()
  @Matches(/^[1-9][0-9]{0,17}$/, { message: 'before must be an event id from nextBefore' })
  before?: string;

  @ApiPropertyOptional({ default: LIMITS.auditPageSize, maximum: LIMITS.auditPageMaxSize })
  @IsOptional()
  @Max(LIMITS.auditPageMaxSize, { message: `limit must be at most ${LIMITS.auditPageMaxSize}` })
  @Min(1, { message: 'limit must be at least 1' })
  @IsInt({ message: 'limit must be a whole number' })
  @Type(() => Number)
  limit?: number;
}
