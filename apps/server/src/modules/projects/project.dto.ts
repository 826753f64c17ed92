import {
  LANGUAGES,
  LIMITS,
  type CreateProjectRequest,
  type Language,
  type Project,
  type UpdateProjectRequest,
} from '@kapitel/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import type { ProjectEntity } from './project.entity.js';
import { OneLine } from '../../common/validation/one-line.js';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
const languageMessage = `language must be one of ${LANGUAGES.join(', ')}`;

export class CreateProjectDto implements CreateProjectRequest {
  @ApiProperty({ example: 'Open Source und digitale Souveränität in Kommunen' })
  @Transform(trim)
  @OneLine('title')
  @MaxLength(LIMITS.projectTitleMaxLength)
  @IsNotEmpty({ message: 'title must not be empty' })
  @IsString()
  title!: string;

  @ApiPropertyOptional()
  @Transform(trim)
  @IsOptional()
  @OneLine('subtitle')
  @MaxLength(LIMITS.projectSubtitleMaxLength)
  @IsString()
  subtitle?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(LIMITS.projectDescriptionMaxLength)
  @IsString()
  description?: string;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'de' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: languageMessage })
  language?: Language;

  @ApiPropertyOptional({ description: 'id of an outline from GET /api/templates' })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  template?: string;
}

export class UpdateProjectDto implements UpdateProjectRequest {
  @ApiPropertyOptional()
  @Transform(trim)
  @ValidateIf((_object, value) => value !== undefined)
  @OneLine('title')
  @MaxLength(LIMITS.projectTitleMaxLength)
  @IsNotEmpty({ message: 'title must not be empty' })
  @IsString()
  title?: string;

  @ApiPropertyOptional({ nullable: true })
  @Transform(trim)
  @ValidateIf((_object, value) => value !== null)
  @IsOptional()
  @OneLine('subtitle')
  @MaxLength(LIMITS.projectSubtitleMaxLength)
  @IsString()
  subtitle?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsOptional()
  @MaxLength(LIMITS.projectDescriptionMaxLength)
  @IsString()
  description?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: LIMITS.projectPublisherMaxLength, example: 'Deutscher Städtetag' })
  @Transform(trim)
  @ValidateIf((_object, value) => value !== null)
  @IsOptional()
  @OneLine('publisher')
  @MaxLength(LIMITS.projectPublisherMaxLength, {
    message: `publisher must be at most ${LIMITS.projectPublisherMaxLength} characters`,
  })
  @IsString({ message: 'publisher must be a string' })
  publisher?: string | null;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @ValidateIf((_object, value) => value !== undefined)
  @IsIn(LANGUAGES, { message: languageMessage })
  language?: Language;
}

export function toProject(entity: ProjectEntity): Project {
  return {
    id: entity.id,
    title: entity.title,
    subtitle: entity.subtitle,
    description: entity.description,
    publisher: entity.publisher,
    language: entity.language,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
