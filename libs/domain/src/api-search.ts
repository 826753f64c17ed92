/**
 * Full-text search in a project's report (`GET /api/projects/:projectId/search?q=`,
 * docs/search.md): the query's rule that the server enforces and the web form shows, and
 * the answer.
 */
import { codePointLength } from './api-comments.js';
import type { ReviewState } from './review-state.js';
import { parseSearchQuery, SEARCH_TERM_MIN_LENGTH } from './search-text.js';

export const SEARCH_LIMITS = {
  /** The trimmed query, counted in code points. */
  queryMinLength: 2,
  queryMaxLength: 200,
  /** Words and quoted phrases in one query (each phrase counts once). */
  maxWords: 10,
  /** Shorter words are left out of the search (`SearchResponse.ignored`). */
  wordMinLength: SEARCH_TERM_MIN_LENGTH,
  /** Sections in one answer, in outline order; `total` says how many matched in all. */
  maxResults: 50,
  /** Comments in one answer; `commentTotal` says how many matched in all. */
  maxComments: 50,
  /** Snippets shown per section; `hits` counts all matches. */
  snippetsPerSection: 3,
  /** About this many characters of context on each side of a match, cut at a word boundary. */
  snippetContext: 60,
} as const;

/** One match in a section's text with the text around it (plain text, never HTML). */
export interface SearchSnippet {
  /** The text before the match; starts with "…" when the section's text goes on before it. */
  before: string;
  /** The matched text as it is written (case and accents of the text, not of the query). */
  match: string;
  /** The text after the match; ends with "…" when the section's text goes on after it. */
  after: string;
}

/** A section whose title or text contains every word of the query. */
export interface SearchResult {
  sectionId: string;
  /** The outline number ("2.1"), null for an unnumbered section. */
  number: string | null;
  title: string;
  state: ReviewState;
  /** Matches of any of the query's words in the title and the text together. */
  hits: number;
  /** The first matches in the text (at most `SEARCH_LIMITS.snippetsPerSection`); empty when only the title matched. */
  snippets: SearchSnippet[];
}

/**
 * A comment (a thread's first comment or a reply) whose own body contains every word of the
 * query; the words are not looked for across the comments of a thread.
 */
export interface SearchCommentHit {
  commentId: string;
  /** The thread's first comment (the comment itself when it starts the thread): `?comment=` of the section page. */
  threadId: string;
  sectionId: string;
  /** The section's outline number ("2.1"), null for an unnumbered section. */
  number: string | null;
  sectionTitle: string;
  /** Null once the author's account is deleted (the comment stays). */
  authorName: string | null;
  /** ISO 8601. */
  createdAt: string;
  /** Whether the comment's thread is resolved ("erledigt"). */
  resolved: boolean;
  /** The body around its first match, cut and marked like a section's snippets. */
  snippet: SearchSnippet;
}

export interface SearchResponse {
  /** The query as searched for (trimmed). */
  query: string;
  /** Words of a single character that were left out of the search, as typed (an addition to the first shape). */
  ignored: string[];
  /** Sections with at least one match, also those beyond the answer's limit. */
  total: number;
  /** Matches in all those sections together. */
  totalHits: number;
  /** The first `SEARCH_LIMITS.maxResults` of them, in outline order. */
  results: SearchResult[];
  /**
   * Comments found, also those beyond the answer's limit; more than `comments.length` says
   * that more exist (an addition to the first shape, like `comments`).
   */
  commentTotal: number;
  /** The first `SEARCH_LIMITS.maxComments` of them: by section in outline order, newest first within one. */
  comments: SearchCommentHit[];
}

/** Why a query cannot be searched for. */
export type SearchQueryProblem = 'too_short' | 'too_long' | 'too_many_words' | 'words_too_short' | 'nothing_to_find';

/**
 * Why `query` (already trimmed) cannot be searched for, or null when it can: 2 to 200
 * characters (code points), at most 10 words and phrases (parseSearchQuery), and at least
 * one of them of 2 characters or more ('words_too_short' when all are shorter, "a b"),
 * else 'nothing_to_find' (only soft hyphens, only quotes).
 */
export function searchQueryProblem(query: string): SearchQueryProblem | null {
  const length = codePointLength(query);
  if (length < SEARCH_LIMITS.queryMinLength) {
    return 'too_short';
  }
  if (length > SEARCH_LIMITS.queryMaxLength) {
    return 'too_long';
  }
  const parsed = parseSearchQuery(query);
  if (parsed.count > SEARCH_LIMITS.maxWords) {
    return 'too_many_words';
  }
  if (parsed.terms.length === 0) {
    return parsed.ignored.length > 0 ? 'words_too_short' : 'nothing_to_find';
  }
  return null;
}
