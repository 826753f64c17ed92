import { AUDIT_KINDS, LIMITS, type AuditKind, type AuditQuery } from '@kapitel/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export class AuditQueryDto implements AuditQuery {
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

  @ApiPropertyOptional({ enum: AUDIT_KINDS, description: 'only events of this kind' })
  @IsOptional()
  @IsIn(AUDIT_KINDS, { message: `kind must be one of ${AUDIT_KINDS.join(', ')}` })
  kind?: AuditKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'only events done by this user' })
  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a user id (a UUID)' })
  actorId?: string;
}
