import { parseSearchQuery, SEARCH_LIMITS, searchQueryProblem, type SearchQueryProblem } from '@kapitel/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationArguments } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

const quoted = (words: readonly string[]): string => words.map((word) => `"${word}"`).join(', ');

/** What is wrong with `query`, naming the words or the count where they are the problem. */
const MESSAGES: Record<SearchQueryProblem, (query: string) => string> = {
  too_short: () => `q must be at least ${SEARCH_LIMITS.queryMinLength} characters long`,
  too_long: () => `q must be at most ${SEARCH_LIMITS.queryMaxLength} characters long`,
  too_many_words: (query) =>
    `q must have at most ${SEARCH_LIMITS.maxWords} words (a phrase in quotes counts as one); it has ${parseSearchQuery(query).count}`,
  words_too_short: (query) =>
    `q must contain a word of at least ${SEARCH_LIMITS.wordMinLength} characters; ${quoted(parseSearchQuery(query).ignored)} are too short`,
  nothing_to_find: () => 'q must contain a word to look for (not only quotes or invisible characters)',
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
          return problem === null ? 'q is invalid' : MESSAGES[problem](args.value);
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
    description: `what to look for: trimmed, ${SEARCH_LIMITS.queryMinLength} to ${SEARCH_LIMITS.queryMaxLength} characters, at most ${SEARCH_LIMITS.maxWords} words; a section is found when every word occurs in its title or text, a phrase in double quotes („…“, "…", »…«) as it stands; words of one character are left out (answered as \`ignored\`); case and accents do not matter, and ä, ö, ü, ß may be written ae, oe, ue, ss`,
    example: 'Radverkehr „Umfrage 2026“',
  })
  @Transform(trim)
  @IsSearchQuery()
  q!: string;
}
