import { LIMITS } from '@kapitel/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class NotificationQueryDto {
  @ApiPropertyOptional({ description: 'true: only unread notifications' })
  @IsOptional()
  @IsBoolean({ message: 'unread must be true or false' })
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  unread?: boolean;

  @ApiPropertyOptional({ description: 'read notifications older than this one (from nextBefore)' })
  @IsOptional()
  @IsUUID('all', { message: 'before must be a notification id from nextBefore' })
  before?: string;

  @ApiPropertyOptional({ default: LIMITS.notificationPageSize, maximum: LIMITS.notificationPageMaxSize })
  @IsOptional()
  @Max(LIMITS.notificationPageMaxSize, { message: `limit must be at most ${LIMITS.notificationPageMaxSize}` })
  @Min(1, { message: 'limit must be at least 1' })
  @IsInt({ message: 'limit must be a whole number' })
  @Type(() => Number)
  limit?: number;
}
