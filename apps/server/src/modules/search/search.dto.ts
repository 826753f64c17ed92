import { SEARCH_LIMITS, searchQueryProblem, type SearchQueryProblem } from '@kapitel/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationArguments } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

const MESSAGES: Record<SearchQueryProblem, string> = {
  too_short: `q must be at least ${SEARCH_LIMITS.queryMinLength} characters long`,
  too_long: `q must be at most ${SEARCH_LIMITS.queryMaxLength} characters long`,
  nothing_to_find: 'q must contain visible characters',
};

/** The search text (already trimmed): see `searchQueryProblem()`. */
function IsSearchQuery(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isSearchQuery',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: (args: ValidationArguments) => {
          if (typeof args.value !== 'string') {
            // Missing, or given twice (?q=a&q=b arrives as a list).
            return 'q must be given once, as text';
          }
          const problem = searchQueryProblem(args.value);
          return problem === null ? 'q is invalid' : MESSAGES[problem];
        },
      },
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && searchQueryProblem(value) === null,
      },
    });
  };
}

export class SearchQueryDto {
  @ApiProperty({
    description: `what to look for: trimmed, ${SEARCH_LIMITS.queryMinLength} to ${SEARCH_LIMITS.queryMaxLength} characters; case and accents do not matter, and ä, ö, ü, ß may be written ae, oe, ue, ss`,
    example: 'Radverkehr',
  })
  @Transform(trim)
  @IsSearchQuery()
  q!: string;
}
