import {
  COMMENT_STATUSES,
  commentBodyProblem,
  LIMITS,
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

/** A comment's text: see `commentBodyProblem()` (code points, no lone surrogates, no control characters). */
function IsCommentBody(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isCommentBody',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: (args: ValidationArguments) =>
          typeof args.value === 'string' ? (commentBodyProblem(args.value) ?? 'body is invalid') : 'body must be text',
      },
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && commentBodyProblem(value) === null,
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
