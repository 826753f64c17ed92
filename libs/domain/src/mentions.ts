/** A person who can be mentioned: a current member of the project. */
export interface Mentionable {
  userId: string;
  name: string;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

/** The character just before `index` (a whole code point, also when it is a surrogate pair). */
function charBefore(text: string, index: number): string | undefined {
  if (index === 0) {
    return undefined;
  }
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return String.fromCodePoint(text.codePointAt(start) ?? 0);
}

/** The character at `index`, as a whole code point. */
function charAt(text: string, index: number): string | undefined {
  const code = text.codePointAt(index);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

/**
 * The members a plain-text comment mentions with `@Name`, in order of first mention, each
 * once. A mention starts with `@` at the start of the text or after a character that is not
 * part of a word (so `anna@example.org` mentions nobody), names a member case-insensitively,
 * and ends at a word boundary (`@Annalena` does not mention Anna). The longest name wins
 * (`@Anna Schmidt` over `@Anna`); members who share that name are all mentioned. Only the
 * given members can match: a non-member's name matches nobody.
 */
export function findMentions(body: string, members: readonly Mentionable[]): string[] {
  const candidates = members
    .map((member) => ({ userId: member.userId, name: member.name.trim() }))
    .filter((member) => member.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length);
  const found: string[] = [];
  let index = body.indexOf('@');
  while (index >= 0) {
    let next = index + 1;
    if (!isWordChar(charBefore(body, index))) {
      const length = matchAt(body, index + 1, candidates, found);
      next = index + 1 + length;
    }
    index = body.indexOf('@', next);
  }
  return found;
}

/** Adds the members whose name starts at `start` to `found`; returns the matched length (0 for none). */
function matchAt(
  body: string,
  start: number,
  candidates: ReadonlyArray<{ userId: string; name: string }>,
  found: string[],
): number {
  let matched = 0;
  for (const candidate of candidates) {
    if (matched > 0 && candidate.name.length < matched) {
      break;
    }
    const end = start + candidate.name.length;
    const text = body.slice(start, end);
    if (text.length !== candidate.name.length || text.toLowerCase() !== candidate.name.toLowerCase()) {
      continue;
    }
    if (isWordChar(charAt(body, end)) && isWordChar(charBefore(body, end))) {
      continue;
    }
    matched = candidate.name.length;
    if (!found.includes(candidate.userId)) {
      found.push(candidate.userId);
    }
  }
  return matched;
}

/** Who `after` mentions that `before` did not: those an edit newly mentions. */
export function addedMentions(before: readonly string[], after: readonly string[]): string[] {
  return after.filter((userId) => !before.includes(userId));
}
