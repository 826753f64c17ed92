import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { OutlineModule } from '../outline/outline.module.js';
import { SearchController } from './search.controller.js';
import { SearchRepository } from './search.repository.js';
import { SearchService } from './search.service.js';

/** Full-text search through a project's report: GET /projects/:projectId/search?q= (docs/search.md). */
@Module({
  imports: [OutlineModule, DocumentsModule],
  controllers: [SearchController],
  providers: [SearchService, SearchRepository],
})
export class SearchModule {}
