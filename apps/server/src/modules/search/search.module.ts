import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { OutlineModule } from '../outline/outline.module.js';
import { CurrentTexts } from './current-texts.js';
import { SearchController } from './search.controller.js';
import { SearchRepository } from './search.repository.js';
import { SearchService } from './search.service.js';
import { WordCountController } from './word-count.controller.js';

/**
 * Reading a project's current text: full-text search (GET /projects/:projectId/search?q=,
 * docs/search.md) and word counts (GET /projects/:projectId/word-counts, docs/outline.md).
 */
@Module({
  imports: [OutlineModule, DocumentsModule],
  controllers: [SearchController, WordCountController],
  providers: [SearchService, SearchRepository, CurrentTexts],
})
export class SearchModule {}
