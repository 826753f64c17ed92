import {
  LIMITS,
  REPORT_TEXT_VERSIONS,
  REVIEW_ACTIONS,
  type CreateSectionRequest,
  type MoveSectionRequest,
  type ReportTextVersion,
  type ReviewAction,
  type TransitionRequest,
  type UpdateSectionRequest,
} from '@kapitel/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import { OneLine } from '../../common/validation/one-line.js';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** A real calendar date written `YYYY-MM-DD` (no 2026-02-30). */
function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        // Says which of the two is wrong: the form, or a day the calendar does not have.
        message: ({ value }: { value: unknown }) =>
          typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
            ? `${String(propertyName)} must be a day of the calendar (${value} does not exist)`
            : `${String(propertyName)} must be a date written YYYY-MM-DD`,
        ...options,
      },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
            return false;
          }
          const date = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
        },
      },
    });
  };
}

export class CreateSectionDto implements CreateSectionRequest {
  @ApiProperty({ example: 'Ausgangslage und Einführung' })
  @Transform(trim)
  @OneLine('title')
  @MaxLength(LIMITS.sectionTitleMaxLength)
  @IsNotEmpty({ message: 'title must not be empty' })
  @IsString()
  title!: string;

  @ApiPropertyOptional({ nullable: true, description: 'parent section; null or omitted for a chapter' })
  @ValidateIf((_object, value) => value !== null)
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID or null' })
  parentId?: string | null;

  @ApiPropertyOptional({ description: '0-based place among the siblings; past the end means at the end' })
  @IsOptional()
  @Max(LIMITS.outlineMaxSections, { message: `position must be at most ${LIMITS.outlineMaxSections}` })
  @Min(0, { message: 'position must be 0 or more' })
  @IsInt({ message: 'position must be a whole number' })
  position?: number;

  @ApiPropertyOptional({ default: true, description: 'false for front or back matter without a number' })
  @IsOptional()
  @IsBoolean({ message: 'numbered must be true or false' })
  numbered?: boolean;
}

export class UpdateSectionDto implements UpdateSectionRequest {
  @ApiPropertyOptional()
  @Transform(trim)
  @ValidateIf((_object, value) => value !== undefined)
  @OneLine('title')
  @MaxLength(LIMITS.sectionTitleMaxLength)
  @IsNotEmpty({ message: 'title must not be empty' })
  @IsString()
  title?: string;

  @ApiPropertyOptional({ type: [String], description: 'members with role author or lead' })
  @ValidateIf((_object, value) => value !== undefined)
  @IsUUID('all', { each: true, message: 'assigneeIds must hold user ids (UUIDs)' })
  @ArrayUnique({ message: 'assigneeIds must not name anyone twice' })
  @ArrayMaxSize(LIMITS.sectionMaxAssignees, { message: `assigneeIds may name at most ${LIMITS.sectionMaxAssignees} people` })
  @IsArray({ message: 'assigneeIds must be a list of user ids' })
  assigneeIds?: string[];

  @ApiPropertyOptional({ nullable: true, description: 'a member with role reviewer or lead' })
  @ValidateIf((_object, value) => value !== null && value !== undefined)
  @IsUUID('all', { message: 'reviewerId must be a user id (UUID) or null' })
  reviewerId?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2027-03-31' })
  @ValidateIf((_object, value) => value !== null && value !== undefined)
  @IsCalendarDate()
  dueDate?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 1500, description: 'the length asked for, in words' })
  @ValidateIf((_object, value) => value !== null && value !== undefined)
  @Max(LIMITS.sectionTargetWordsMax, { message: `targetWords must be at most ${LIMITS.sectionTargetWordsMax}` })
  @Min(1, { message: 'targetWords must be 1 or more (null for none)' })
  @IsInt({ message: 'targetWords must be a whole number of words or null' })
  targetWords?: number | null;

  @ApiPropertyOptional()
  @ValidateIf((_object, value) => value !== undefined)
  @IsBoolean({ message: 'numbered must be true or false' })
  numbered?: boolean;
}

export class MoveSectionDto implements MoveSectionRequest {
  @ApiProperty({ nullable: true, description: 'new parent section; null for the top level' })
  @ValidateIf((_object, value) => value !== null)
  @IsUUID('all', { message: 'parentId must be a UUID or null' })
  parentId!: string | null;

  @ApiProperty({ description: '0-based place among the new siblings; past the end means at the end' })
  @Max(LIMITS.outlineMaxSections, { message: `position must be at most ${LIMITS.outlineMaxSections}` })
  @Min(0, { message: 'position must be 0 or more' })
  @IsInt({ message: 'position must be a whole number' })
  position!: number;
}

export class TransitionDto implements TransitionRequest {
  @ApiProperty({ enum: REVIEW_ACTIONS })
  @IsIn(REVIEW_ACTIONS, { message: `action must be one of ${REVIEW_ACTIONS.join(', ')}` })
  action!: ReviewAction;

  @ApiPropertyOptional({ description: 'required for request_changes' })
  @Transform(trim)
  @IsOptional()
  @MaxLength(LIMITS.transitionNoteMaxLength)
  @IsString()
  note?: string;
}

export class ReportTextQueryDto {
  @ApiPropertyOptional({ enum: REPORT_TEXT_VERSIONS, default: 'current' })
  @IsOptional()
  @IsIn(REPORT_TEXT_VERSIONS, { message: `version must be one of ${REPORT_TEXT_VERSIONS.join(', ')}` })
  version?: ReportTextVersion;
}
