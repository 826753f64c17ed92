import { isWebAddress, LIMITS, type Source, type SourceImportRequest, type SourceInput } from '@kapitel/domain';
import { IsString, MaxLength } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TextField, type TextFieldRule } from '../../common/validation/text-field.js';
import type { SourceRow } from './source.repository.js';

const NOT_HTTP = 'url must be an absolute http: or https: address';

/** The `url` rule: an address a reader can follow (libs/domain `isWebAddress`). */
export function urlProblem(value: string): string | null {
  return isWebAddress(value) ? null : NOT_HTTP;
}

// The day a report is dated by is a German one (export: reportDate), so "today" is too.
const BERLIN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** A real calendar day `YYYY-MM-DD` (no 2024-02-30), not after today. */
export function accessedProblem(value: string, now: Date = new Date()): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const day = new Date(0);
  if (match) {
    day.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  }
  // A day that does not exist rolls over into another (2024-02-30 is 2024-03-01): it differs.
  if (!match || day.toISOString().slice(0, 10) !== value) {
    return 'accessed must be a calendar day written YYYY-MM-DD';
  }
  return value > BERLIN_DAY.format(now) ? 'accessed must not be after today' : null;
}

/** The rules of each field (docs/sources.md, "Texts"); every field but `title` may be ''. */
export const SOURCE_RULES: Record<keyof SourceInput, TextFieldRule> = {
  authors: { max: LIMITS.sourceAuthorsMaxLength, mayBeEmpty: true },
  title: { max: LIMITS.sourceTitleMaxLength },
  year: { max: LIMITS.sourceYearMaxLength, mayBeEmpty: true },
  publication: { max: LIMITS.sourcePublicationMaxLength, mayBeEmpty: true },
  url: { max: LIMITS.sourceUrlMaxLength, mayBeEmpty: true, check: urlProblem },
  accessed: { max: 'YYYY-MM-DD'.length, mayBeEmpty: true, check: (value) => accessedProblem(value) },
};

const optional = (field: keyof SourceInput): TextFieldRule => ({ ...SOURCE_RULES[field], optional: true });

const NORMALISED = 'white space made single spaces and trimmed';

/** The fields that a new source may leave out as well as a change: left out, a new source has ''. */
class SourceFieldsDto implements Partial<SourceInput> {
  @ApiPropertyOptional({ description: `"Surname, Given name" or an organisation, separated by ";"; ${NORMALISED}; at most ${LIMITS.sourceAuthorsMaxLength} characters`, example: 'Müller, Anna; KGSt' })
  @TextField('authors', optional('authors'))
  authors?: string;

  @ApiPropertyOptional({ description: `as printed; at most ${LIMITS.sourceYearMaxLength} characters; '' prints "o. J."`, example: '2023' })
  @TextField('year', optional('year'))
  year?: string;

  @ApiPropertyOptional({ description: `publisher and place, journal, series; at most ${LIMITS.sourcePublicationMaxLength} characters`, example: 'Köln: KGSt' })
  @TextField('publication', optional('publication'))
  publication?: string;

  @ApiPropertyOptional({ description: `'' or an absolute http(s) address, at most ${LIMITS.sourceUrlMaxLength} characters`, example: 'https://www.kgst.de/' })
  @TextField('url', optional('url'))
  url?: string;

  @ApiPropertyOptional({ description: "'' or the day the address was looked at, YYYY-MM-DD, not after today; only with a url", example: '2024-03-12' })
  @TextField('accessed', optional('accessed'))
  accessed?: string;
}

const TITLE_DOC = `${NORMALISED}, then 1 to ${LIMITS.sourceTitleMaxLength} characters`;

export class CreateSourceDto extends SourceFieldsDto {
  @ApiProperty({ description: TITLE_DOC, example: 'Open Source in Kommunen' })
  @TextField('title', SOURCE_RULES.title)
  title!: string;
}

/** Any of the fields; an omitted field stays as it is (`null` is no omission: 400). */
export class UpdateSourceDto extends SourceFieldsDto {
  @ApiPropertyOptional({ description: TITLE_DOC, example: 'Open Source in Kommunen' })
  @TextField('title', optional('title'))
  title?: string;
}

/** The one shape every route answers a source with. */
export function toSource(row: SourceRow): Source {
  const { id, authors, title, year, publication, url, accessed } = row;
  return { id, authors, title, year, publication, url, accessed, updatedAt: row.updatedAt.toISOString() };
}

export class ImportSourcesDto implements SourceImportRequest {
  @ApiProperty({ description: `the text of a BibTeX or RIS file, at most ${LIMITS.sourceImportMaxLength} characters` })
  @IsString({ message: 'text must be the text of a BibTeX or RIS file' })
  @MaxLength(LIMITS.sourceImportMaxLength, { message: `text must be at most ${LIMITS.sourceImportMaxLength} characters long` })
  text!: string;
}
