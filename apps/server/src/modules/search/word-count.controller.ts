import { countWords, inReadingOrder, type WordCountsResponse } from '@kapitel/domain';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Actor } from '../../common/decorators/actor.decorator.js';
import type { Actor as ActorType } from '../../common/http/request-context.js';
import { UuidPipe } from '../../common/pipes/uuid.pipe.js';
import { OutlineService } from '../outline/outline.service.js';
import { CurrentTexts } from './current-texts.js';

/** Characters counted between two turns of the event loop, which live editing shares. */
const CHARACTERS_PER_TURN = 256 * 1024;

/**
 * The words of every live section's current text (docs/outline.md, "Length"), for the
 * outline's progress against each section's target. Every member; others 404 (the outline
 * checks the membership).
 */
@ApiTags('outline')
@Controller('projects/:projectId/word-counts')
export class WordCountController {
  constructor(
    private readonly outline: OutlineService,
    private readonly texts: CurrentTexts,
  ) {}

  @Get()
  async counts(
    @Actor() actor: ActorType,
    @Param('projectId', UuidPipe) projectId: string,
  ): Promise<WordCountsResponse> {
    const sections = inReadingOrder((await this.outline.outline(actor, projectId)).sections);
    const texts = await this.texts.read(projectId);
    const counts: WordCountsResponse['counts'] = [];
    let counted = 0;
    for (const section of sections) {
      // A section created after the texts were read has none yet.
      const text = texts.get(section.id) ?? '';
      counts.push({ sectionId: section.id, words: countWords(text) });
      counted += text.length;
      if (counted >= CHARACTERS_PER_TURN) {
        counted = 0;
        await nextTurn();
      }
    }
    return { counts };
  }
}
