import { storedContentOfState } from '@kapitel/editor';
import { Injectable, Logger } from '@nestjs/common';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { DocumentRepository } from '../documents/document.repository.js';
import { SearchRepository, type StoredText } from './search.repository.js';

/** Rendered texts kept at most; beyond, the oldest go (a cache, never the truth). */
const KEPT_RENDERINGS = 500;

/** The current plain text of a project's sections, for the search and the word counts. */
@Injectable()
export class CurrentTexts {
  private readonly logger = new Logger(CurrentTexts.name);
  /**
   * The text rendered for a section with edits in its log, by the newest of those edits: every
   * open project page asks for the word counts after each few seconds of typing, and a section
   * whose log did not grow since need not be rendered again. The update ids only grow, so an
   * unchanged newest id means an unchanged text.
   */
  private readonly renderings = new Map<string, { lastUpdate: string; text: string }>();

  constructor(
    private readonly stored: SearchRepository,
    private readonly documents: DocumentRepository,
  ) {}

  /**
   * The current text of every live section. Compaction stores it with the snapshot, but edits
   * made since wait in the update log (an open room folds them in only every few hundred
   * updates or when it unloads); a section with such edits is rendered from snapshot plus log,
   * the way `GET …/content` renders it, so the search never misses what was just written.
   */
  async read(projectId: string): Promise<Map<string, string>> {
    const texts = new Map<string, string>();
    for (const row of await this.stored.storedTexts(projectId)) {
      if (row.lastUpdate === null) {
        this.renderings.delete(row.sectionId);
        texts.set(row.sectionId, row.text);
        continue;
      }
      const kept = this.renderings.get(row.sectionId);
      if (kept?.lastUpdate === row.lastUpdate) {
        texts.set(row.sectionId, kept.text);
        continue;
      }
      // Rendered on the event loop, one section at a time with a turn in between.
      await nextTurn();
      const text = await this.rendered(row);
      this.keep(row.sectionId, { lastUpdate: row.lastUpdate, text });
      texts.set(row.sectionId, text);
    }
    return texts;
  }

  private keep(sectionId: string, rendering: { lastUpdate: string; text: string }): void {
    this.renderings.delete(sectionId);
    this.renderings.set(sectionId, rendering);
    const oldest = this.renderings.keys().next();
    if (this.renderings.size > KEPT_RENDERINGS && oldest.done !== true) {
      this.renderings.delete(oldest.value);
    }
  }

  private async rendered(row: StoredText): Promise<string> {
    const state = await this.documents.currentState(row.sectionId);
    try {
      return storedContentOfState(state).text;
    } catch (error) {
      // GET …/content answers an empty text then; the stored one is the better guess to search.
      this.logger.error(
        { err: error, sectionId: row.sectionId },
        'A section state does not fit the editor schema; searched its stored text',
      );
      return row.text;
    }
  }
}
