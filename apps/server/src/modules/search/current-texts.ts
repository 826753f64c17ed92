import { storedContentOfState } from '@kapitel/editor';
import { Injectable, Logger } from '@nestjs/common';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { DocumentRepository } from '../documents/document.repository.js';
import { SearchRepository, type StoredText } from './search.repository.js';

/** The current plain text of a project's sections, for the search and the word counts. */
@Injectable()
export class CurrentTexts {
  private readonly logger = new Logger(CurrentTexts.name);

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
      if (row.pending) {
        // Rendered on the event loop, one section at a time with a turn in between.
        await nextTurn();
        texts.set(row.sectionId, await this.rendered(row));
      } else {
        texts.set(row.sectionId, row.text);
      }
    }
    return texts;
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
