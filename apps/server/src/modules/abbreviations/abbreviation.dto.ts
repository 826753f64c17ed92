import { LIMITS, type Abbreviation, type AbbreviationInput } from '@kapitel/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TextField } from '../../common/validation/text-field.js';
import type { AbbreviationRow } from './abbreviation.repository.js';

// Both fields are one line of text, normalised and checked as every such field of a project's
// lists is (common/validation/text-field.ts): NFC, white space made single spaces, trimmed.
const SHORT = { max: LIMITS.abbreviationShortMaxLength };
const LONG = { max: LIMITS.abbreviationLongMaxLength };

const SHORT_DOC = `as written in the text; white space made single spaces and trimmed, then 1 to ${LIMITS.abbreviationShortMaxLength} characters; unique in the project regardless of case`;
const LONG_DOC = `what it stands for; white space made single spaces and trimmed, then 1 to ${LIMITS.abbreviationLongMaxLength} characters`;

export class CreateAbbreviationDto implements AbbreviationInput {
  @ApiProperty({ description: SHORT_DOC, example: 'OZG' })
  @TextField('short', SHORT)
  short!: string;

  @ApiProperty({ description: LONG_DOC, example: 'Onlinezugangsgesetz' })
  @TextField('long', LONG)
  long!: string;
}

/** Either field or both; an omitted field stays as it is (`null` is no omission: 400). */
export class UpdateAbbreviationDto implements Partial<AbbreviationInput> {
  @ApiPropertyOptional({ description: SHORT_DOC, example: 'OZG' })
  @TextField('short', { ...SHORT, optional: true })
  short?: string;

  @ApiPropertyOptional({ description: LONG_DOC, example: 'Onlinezugangsgesetz' })
  @TextField('long', { ...LONG, optional: true })
  long?: string;
}

/** The one shape every route answers an abbreviation with. */
export function toAbbreviation(row: AbbreviationRow): Abbreviation {
  return { id: row.id, short: row.short, long: row.long, updatedAt: row.updatedAt.toISOString() };
}
