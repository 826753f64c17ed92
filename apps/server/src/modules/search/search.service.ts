import {
  containsAllTerms,
  findQueryMatches,
  foldForSearch,
  inReadingOrder,
  parseSearchQuery,
  SEARCH_LIMITS,
  type OutlineNode,
  type SearchCommentHit,
  type SearchQuery,
  type SearchResponse,
  type SearchResult,
} from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Actor } from '../../common/http/request-context.js';
import { OutlineService } from '../outline/outline.service.js';
import { CurrentTexts } from './current-texts.js';
import { SearchRepository, type StoredComment } from './search.repository.js';
import { snippetsOf } from './snippets.js';

/**
 * Characters compared between two turns of the event loop: live editing shares the loop, and
 * a report of hundreds of pages is a few MB of text (docs/search.md).
 */
const CHARACTERS_PER_TURN = 256 * 1024;

/**
 * Full-text search through a project's report: the titles and the current text of every
 * live section. A section is found when each word (or quoted phrase) of the query occurs in
 * its title or text; its hits are the occurrences of any of them. Compared as
 * `findQueryMatches` says (case and accents do not matter, ä is also ae). The comments of
 * those sections are searched by the same rule, each on its own body.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly outline: OutlineService,
    private readonly stored: SearchRepository,
    private readonly texts: CurrentTexts,
  ) {}

  /** `query` is trimmed and valid (`searchQueryProblem`); members only (404 for anyone else). */
  async search(actor: Actor, projectId: string, query: string): Promise<SearchResponse> {
    // The outline checks the membership and gives the live sections with their numbers.
    const sections = inReadingOrder((await this.outline.outline(actor, projectId)).sections);
    const texts = await this.texts.read(projectId);
    const parsed = parseSearchQuery(query);
    const results: SearchResult[] = [];
    let total = 0;
    let totalHits = 0;
    let compared = 0;
    for (const section of sections) {
      // A section created after the texts were read has no text yet; its title still counts.
      const text = texts.get(section.id) ?? '';
      const foldedText = foldForSearch(text);
      const foldedTitle = foldForSearch(section.title);
      // Each word in the title or the text: "Reutlingen Ulm" finds "Reutlingen" with Ulm in its text.
      if (containsAllTerms(parsed, foldedTitle, foldedText)) {
        const inText = findQueryMatches(foldedText, parsed);
        const hits = inText.length + findQueryMatches(foldedTitle, parsed).length;
        total += 1;
        totalHits += hits;
        if (results.length < SEARCH_LIMITS.maxResults) {
          const { id: sectionId, number, title, state } = section;
          results.push({ sectionId, number, title, state, hits, snippets: snippetsOf(text, inText) });
        }
      }
      compared += text.length;
      if (compared >= CHARACTERS_PER_TURN) {
        compared = 0;
        await nextTurn();
      }
    }
    // Comments are readable by every member (`project.read`, as CommentService.list asks),
    // which the outline has just checked: whoever gets this far may see them all.
    const comments = await this.matchingComments(projectId, parsed, sections);
    return {
      query,
      ignored: [...parsed.ignored],
      total,
      totalHits,
      results,
      commentTotal: comments.length,
      comments: comments.slice(0, SEARCH_LIMITS.maxComments),
    };
  }

  /**
   * The comments whose body contains every word of the query, by section in reading order and
   * newest first within one (the order the repository reads them in, kept by a stable sort).
   */
  private async matchingComments(projectId: string, parsed: SearchQuery, sections: readonly OutlineNode[]): Promise<SearchCommentHit[]> {
    const place = new Map(sections.map((section, index) => [section.id, { index, section }]));
    const found: Array<{ index: number; hit: SearchCommentHit }> = [];
    let compared = 0;
    for (const comment of await this.stored.comments(projectId)) {
      // A section moved to the trash after the outline was read is left out with its comments.
      const at = place.get(comment.sectionId);
      const hit = at === undefined ? null : commentHit(comment, parsed, at.section);
      if (at !== undefined && hit !== null) {
        found.push({ index: at.index, hit });
      }
      compared += comment.body.length;
      if (compared >= CHARACTERS_PER_TURN) {
        compared = 0;
        await nextTurn();
      }
    }
    return found.sort((a, b) => a.index - b.index).map(({ hit }) => hit);
  }
}

/** `comment` as a hit when its own body contains every word of the query, else null. */
function commentHit(comment: StoredComment, parsed: SearchQuery, section: OutlineNode): SearchCommentHit | null {
  const folded = foldForSearch(comment.body);
  if (!containsAllTerms(parsed, folded)) {
    return null;
  }
  const [snippet] = snippetsOf(comment.body, findQueryMatches(folded, parsed), 1);
  if (snippet === undefined) {
    return null;
  }
  return {
    commentId: comment.id,
    threadId: comment.threadId,
    sectionId: section.id,
    number: section.number,
    sectionTitle: section.title,
    authorName: comment.authorName,
    createdAt: comment.createdAt.toISOString(),
    resolved: comment.resolved,
    snippet,
  };
}
