import { LIMITS, type Abbreviation, type AbbreviationInput } from '@kapitel/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { registerDecorator, ValidateIf, type ValidationArguments } from 'class-validator';
import type { AbbreviationRow } from './abbreviation.repository.js';

/**
 * The form in which both fields are stored and compared: Unicode NFC (so that an "Ä" typed
 * as A + combining diaeresis is the same abbreviation as a precomposed one), every run of
 * white space (tabs, line breaks, no-break spaces) one plain space, trimmed. Anything but a
 * string is left for the validator to refuse.
 */
export function normaliseAbbreviationText(value: unknown): unknown {
  return typeof value === 'string' ? value.normalize('NFC').replace(/\s+/gu, ' ').trim() : value;
}

// What remains after normalisation that is no text: C0 and C1 control characters (white
// space is gone by then) and lone surrogates (not encodable as UTF-8 for PostgreSQL).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `value` (normalised) cannot be the field, or null when it can; lengths in code points. */
export function abbreviationTextProblem(field: 'short' | 'long', value: unknown, max: number): string | null {
  if (typeof value !== 'string') {
    return `${field} must be text`;
  }
  if (LONE_SURROGATE.test(value)) {
    return `${field} must be valid Unicode text (it contains a lone surrogate)`;
  }
  if (CONTROL.test(value)) {
    return `${field} must not contain control characters`;
  }
  if (value === '') {
    return `${field} must not be empty`;
  }
  if ([...value].length > max) {
    return `${field} must be at most ${max} characters long`;
  }
  return null;
}

/** The field is text as `abbreviationTextProblem()` accepts it; the message names the field. */
function IsAbbreviationText(field: 'short' | 'long', max: number): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isAbbreviationText',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: (args: ValidationArguments) => abbreviationTextProblem(field, args.value, max) ?? `${field} is invalid`,
      },
      validator: {
        validate: (value: unknown): boolean => abbreviationTextProblem(field, value, max) === null,
      },
    });
  };
}

const normalise = ({ value }: { value: unknown }): unknown => normaliseAbbreviationText(value);

const SHORT_DOC = `as written in the text; white space made single spaces and trimmed, then 1 to ${LIMITS.abbreviationShortMaxLength} characters; unique in the project regardless of case`;
const LONG_DOC = `what it stands for; white space made single spaces and trimmed, then 1 to ${LIMITS.abbreviationLongMaxLength} characters`;

export class CreateAbbreviationDto implements AbbreviationInput {
  @ApiProperty({ description: SHORT_DOC, example: 'OZG' })
  @Transform(normalise)
  @IsAbbreviationText('short', LIMITS.abbreviationShortMaxLength)
  short!: string;

  @ApiProperty({ description: LONG_DOC, example: 'Onlinezugangsgesetz' })
  @Transform(normalise)
  @IsAbbreviationText('long', LIMITS.abbreviationLongMaxLength)
  long!: string;
}

/** Either field or both; an omitted field stays as it is (`null` is no omission: 400). */
export class UpdateAbbreviationDto implements Partial<AbbreviationInput> {
  @ApiPropertyOptional({ description: SHORT_DOC, example: 'OZG' })
  @Transform(normalise)
  @ValidateIf((_object, value) => value !== undefined)
  @IsAbbreviationText('short', LIMITS.abbreviationShortMaxLength)
  short?: string;

  @ApiPropertyOptional({ description: LONG_DOC, example: 'Onlinezugangsgesetz' })
  @Transform(normalise)
  @ValidateIf((_object, value) => value !== undefined)
  @IsAbbreviationText('long', LIMITS.abbreviationLongMaxLength)
  long?: string;
}

/** The one shape every route answers an abbreviation with. */
export function toAbbreviation(row: AbbreviationRow): Abbreviation {
  return { id: row.id, short: row.short, long: row.long, updatedAt: row.updatedAt.toISOString() };
}
