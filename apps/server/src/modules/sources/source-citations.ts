import type { OutlineNode } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { citedSourceIds } from '@kapitel/editor';
import { DocumentRepository } from '../documents/document.repository.js';
import { ReportTextService } from '../outline/report-text.service.js';

/** "2.1 Kosten", or the bare title of a section without a number. */
function numberedTitle(section: OutlineNode): string {
  return section.number ? `${section.number} ${section.title}` : section.title;
}

/**
 * Which sections cite a source: what keeps a source from being deleted (docs/sources.md).
 * Reads the texts the report is made of through the services that make it, so that a
 * citation counts here exactly when a draft or a final export would print it.
 */
@Injectable()
export class SourceCitations {
  constructor(
    private readonly report: ReportTextService,
    private readonly documents: DocumentRepository,
  ) {}

  /**
   * The numbered titles of the live sections, in reading order, whose current text or latest
   * approval version cites the source. Sections in the trash do not count: they are in no
   * export, and restoring one whose source is gone shows the remembered label as missing.
   */
  async sectionsCiting(projectId: string, sourceId: string): Promise<string[]> {
    const texts = await this.report.liveTexts(projectId);
    const approved = await this.documents.approvedJson(texts.map(({ section }) => section.id));
    return texts
      .filter(({ section, json }) => citedSourceIds(json).has(sourceId) || citedSourceIds(approved.get(section.id)?.json).has(sourceId))
      .map(({ section }) => numberedTitle(section));
  }
}
