import { inReadingOrder, type ReportFigure, type ReportFiguresResponse } from '@kapitel/domain';
import { figuresOf } from '@kapitel/editor';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/http/request-context.js';
import { DocumentRepository } from '../documents/document.repository.js';
import { MemberService } from '../members/member.service.js';
import { outlineTree } from './section-view.js';
import { SectionRepository } from './section.repository.js';

/**
 * The report's numbered figures and tables, read from the live sections' current texts
 * (snapshot and the edits since) in reading order and numbered per kind through the report,
 * as the draft PDF numbers them: what a cross-reference to a figure can point to, and the
 * numbers the editor shows beside its captions.
 */
@Injectable()
export class FiguresService {
  constructor(
    private readonly sections: SectionRepository,
    private readonly documents: DocumentRepository,
    private readonly members: MemberService,
  ) {}

  async figures(actor: Actor, projectId: string): Promise<ReportFiguresResponse> {
    await this.members.assertCan(projectId, actor.userId, 'project.read');
    const live = inReadingOrder(outlineTree(await this.sections.listLive(projectId)));
    const texts = await this.documents.currentJson(live.map((section) => section.id));
    const counted = { figure: 0, table: 0 };
    const figures: ReportFigure[] = [];
    for (const section of live) {
      const text = texts.get(section.id);
      for (const figure of text === undefined ? [] : figuresOf(text)) {
        counted[figure.kind] += 1;
        figures.push({
          ...figure,
          number: counted[figure.kind],
          sectionId: section.id,
          sectionNumber: section.number,
          sectionTitle: section.title,
        });
      }
    }
    return { figures };
  }
}
