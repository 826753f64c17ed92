import type { ReportFigure, ReportFiguresResponse } from '@kapitel/domain';
import { figuresOf } from '@kapitel/editor';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/http/request-context.js';
import { MemberService } from '../members/member.service.js';
import { ReportTextService } from './report-text.service.js';

/**
 * The report's numbered figures and tables, read from the live sections' current texts
 * (snapshot and the edits since) in reading order and numbered per kind through the report,
 * as the draft PDF numbers them: what a cross-reference to a figure can point to, and the
 * numbers the editor shows beside its captions.
 */
@Injectable()
export class FiguresService {
  constructor(
    private readonly report: ReportTextService,
    private readonly members: MemberService,
  ) {}

  async figures(actor: Actor, projectId: string): Promise<ReportFiguresResponse> {
    await this.members.assertCan(projectId, actor.userId, 'project.read');
    const counted = { figure: 0, table: 0 };
    const figures: ReportFigure[] = [];
    for (const { section, json } of await this.report.liveTexts(projectId)) {
      for (const figure of figuresOf(json)) {
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
