/**
 * `@Name` in a comment's plain text, on the client: which part of a body to show as a
 * mention, and the autocompletion while typing one. The rules follow `findMentions()` of
 * libs/domain (which decides on the server whom a comment notifies): an `@` at the start or
 * after a character that is not part of a word, a member's name compared case-insensitively,
 * the longest name first, ending at a word boundary.
 */

export interface BodySegment {
  text: string;
  /** True for `@Name` of a mentioned member. */
  mention: boolean;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

/** The whole code point before `index`. */
function charBefore(text: string, index: number): string | undefined {
  if (index <= 0) {
    return undefined;
  }
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return String.fromCodePoint(text.codePointAt(start) ?? 0);
}

function charAt(text: string, index: number): string | undefined {
  const code = text.codePointAt(index);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

/** The length of the longest of `names` that is mentioned at `start` (just after an `@`), or 0. */
function mentionLengthAt(body: string, start: number, names: readonly string[]): number {
  for (const name of names) {
    const end = start + name.length;
    if (body.slice(start, end).toLowerCase() !== name.toLowerCase()) {
      continue;
    }
    if (isWordChar(charAt(body, end)) && isWordChar(charBefore(body, end))) {
      continue;
    }
    return name.length;
  }
  return 0;
}

/**
 * Splits a comment's text into plain parts and mentions of `names` (the members the server
 * says the comment mentions). Joined again, the segments give the body unchanged.
 */
export function mentionSegments(body: string, names: readonly string[]): BodySegment[] {
  const candidates = [...new Set(names.map((name) => name.trim()).filter((name) => name !== ''))].sort(
    (a, b) => b.length - a.length,
  );
  const segments: BodySegment[] = [];
  let plainFrom = 0;
  let index = candidates.length === 0 ? -1 : body.indexOf('@');
  while (index >= 0) {
    const length = isWordChar(charBefore(body, index)) ? 0 : mentionLengthAt(body, index + 1, candidates);
    if (length > 0) {
      if (index > plainFrom) {
        segments.push({ text: body.slice(plainFrom, index), mention: false });
      }
      plainFrom = index + 1 + length;
      segments.push({ text: body.slice(index, plainFrom), mention: true });
    }
    index = body.indexOf('@', Math.max(index + 1, plainFrom));
  }
  if (plainFrom < body.length || segments.length === 0) {
    segments.push({ text: body.slice(plainFrom), mention: false });
  }
  return segments;
}

/** The `@…` being typed just before the caret: where its `@` is and what follows it. */
export interface MentionQuery {
  /** Index of the `@`. */
  start: number;
  query: string;
}

/** Names are short; a longer run after an `@` is no longer a name being typed. */
const MAX_QUERY_LENGTH = 60;

/**
 * The mention being typed when the caret is at `caret`, or null. It starts at the nearest
 * `@` before the caret that a mention may start at, on the same line.
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf('@');
  if (start < 0 || caret - start - 1 > MAX_QUERY_LENGTH) {
    return null;
  }
  const query = before.slice(start + 1);
  if (query.includes('\n') || isWordChar(charBefore(text, start)) || query.startsWith(' ')) {
    return null;
  }
  return { start, query };
}

export interface MentionCandidate {
  userId: string;
  name: string;
}

/**
 * The members whose name fits what was typed after the `@`: the name, or one of its words,
 * starts with it (case-insensitively). Names that start with it come first, then by name.
 */
export function mentionSuggestions<T extends MentionCandidate>(
  query: string,
  members: readonly T[],
  limit = 6,
): T[] {
  const typed = query.toLowerCase();
  const scored = members.flatMap((member) => {
    const name = member.name.trim().toLowerCase();
    if (name === '') {
      return [];
    }
    if (name.startsWith(typed)) {
      return [{ member, rank: 0 }];
    }
    const words = name.split(/\s+/);
    return !typed.includes(' ') && words.some((word) => word.startsWith(typed)) ? [{ member, rank: 1 }] : [];
  });
  return scored
    .sort((a, b) => a.rank - b.rank || a.member.name.localeCompare(b.member.name))
    .slice(0, limit)
    .map((entry) => entry.member);
}

/** The text with the typed `@query` replaced by `@Name ` and where the caret goes. */
export function insertMention(
  text: string,
  mention: MentionQuery,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const inserted = `@${name} `;
  const after = text.slice(caret).replace(/^ /, '');
  return { text: text.slice(0, mention.start) + inserted + after, caret: mention.start + inserted.length };
}
