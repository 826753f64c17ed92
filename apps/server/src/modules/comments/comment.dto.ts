import {
  COMMENT_STATUSES,
  commentBodyProblem,
  LIMITS,
  suggestionProblem,
  type CommentAnchor,
  type CommentStatus,
  type CreateCommentRequest,
  type UpdateCommentRequest,
} from '@kapitel/domain';
import { decodeAnchorPosition } from '@kapitel/editor';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsNotEmptyObject,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';

/**
 * A comment's text: see `commentBodyProblem()` (code points, no lone surrogates, no control
 * characters). It may be empty where a change is suggested (the suggestion says it all), and
 * in an edit, which the service checks against the comment (only a suggestion's may be empty).
 */
function IsCommentBody(): PropertyDecorator {
  const options = (args: ValidationArguments): { mayBeEmpty: boolean } => ({
    mayBeEmpty: args.object instanceof UpdateCommentDto || typeof (args.object as { suggestion?: unknown }).suggestion === 'string',
  });
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isCommentBody',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: (args: ValidationArguments) =>
          typeof args.value === 'string'
            ? (commentBodyProblem(args.value, options(args)) ?? 'body is invalid')
            : 'body must be text',
      },
      validator: {
        validate: (value: unknown, args?: ValidationArguments): boolean =>
          typeof value === 'string' && args !== undefined && commentBodyProblem(value, options(args)) === null,
      },
    });
  };
}

/** A text suggested for a passage: see `suggestionProblem()` ('' suggests deleting it). */
function IsSuggestion(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isSuggestion',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: (args: ValidationArguments) =>
          typeof args.value === 'string' ? (suggestionProblem(args.value) ?? 'suggestion is invalid') : 'suggestion must be text',
      },
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && suggestionProblem(value) === null,
      },
    });
  };
}

/** Base64 of one `Y.encodeRelativePosition`, decodable in canonical form. */
function IsAnchorPosition(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    const field = `anchor.${String(propertyName)}`;
    registerDecorator({
      name: 'isAnchorPosition',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${field} must be a base64 Yjs relative position (Y.encodeRelativePosition)` },
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && decodeAnchorPosition(value) !== null,
      },
    });
  };
}

export class CommentAnchorDto implements CommentAnchor {
  @ApiProperty({ description: 'base64 of Y.encodeRelativePosition of the range start' })
  @IsAnchorPosition()
  @MaxLength(LIMITS.commentAnchorMaxLength, {
    message: `anchor.start must be at most ${LIMITS.commentAnchorMaxLength} characters`,
  })
  @IsString({ message: 'anchor.start must be text' })
  start!: string;

  @ApiProperty({ description: 'base64 of Y.encodeRelativePosition of the range end' })
  @IsAnchorPosition()
  @MaxLength(LIMITS.commentAnchorMaxLength, {
    message: `anchor.end must be at most ${LIMITS.commentAnchorMaxLength} characters`,
  })
  @IsString({ message: 'anchor.end must be text' })
  end!: string;
}

export class CreateCommentDto implements CreateCommentRequest {
  @ApiProperty({ description: `plain text, 1 to ${LIMITS.commentMaxLength} characters, stored as written` })
  @IsCommentBody()
  @IsString({ message: 'body must be text' })
  body!: string;

  @ApiPropertyOptional({ type: CommentAnchorDto, description: 'omitted: a comment on the whole section' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CommentAnchorDto)
  @IsNotEmptyObject({}, { message: 'anchor must have start and end' })
  @IsObject({ message: 'anchor must be an object with start and end' })
  anchor?: CommentAnchorDto;

  @ApiPropertyOptional({ description: 'the first comment of the thread this replies to' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a comment id (UUID)' })
  parentId?: string;

  @ApiPropertyOptional({
    description: `a change to the anchored passage: the text it should read instead ('' deletes it), one line, at most ${LIMITS.suggestionMaxLength} characters`,
  })
  @IsOptional()
  @IsSuggestion()
  suggestion?: string;
}

export class UpdateCommentDto implements UpdateCommentRequest {
  @ApiProperty()
  @IsCommentBody()
  @IsString({ message: 'body must be text' })
  body!: string;
}

export class CommentQueryDto {
  @ApiPropertyOptional({ enum: COMMENT_STATUSES, default: 'all' })
  @IsOptional()
  @IsIn(COMMENT_STATUSES, { message: `status must be one of ${COMMENT_STATUSES.join(', ')}` })
  status?: CommentStatus;
}

/** The passage of a thread again, after an undo brought back its deleted text (docs/comments.md). */
export class MoveAnchorDto {
  @ApiProperty({ type: CommentAnchorDto })
  @ValidateNested()
  @Type(() => CommentAnchorDto)
  @IsNotEmptyObject({}, { message: 'anchor must have start and end' })
  @IsObject({ message: 'anchor must be an object with start and end' })
  anchor!: CommentAnchorDto;
}
