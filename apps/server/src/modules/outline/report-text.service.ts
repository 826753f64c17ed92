import type { OutlineNode, ReportTextResponse, ReportTextSection, ReportTextVersion } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import type { JSONContent } from '@tiptap/core';
import type { Actor } from '../../common/http/request-context.js';
import { DocumentRepository } from '../documents/document.repository.js';
import { MemberService } from '../members/member.service.js';
import { outlineTree } from './section-view.js';
import { SectionRepository } from './section.repository.js';

/** A live section in reading order with its depth in the outline and its current text. */
export interface SectionText {
  section: OutlineNode;
  /** 1 for a chapter, 2 for its sub-sections, … */
  depth: number;
  json: JSONContent;
}

/** A document with nothing in it (the repository gives every section one; this is what the types ask for). */
const EMPTY: JSONContent = { type: 'doc', content: [] };

/**
 * The whole report: the live sections (not in the trash) in reading order with their current
 * texts (snapshot and the edits since, read in one database snapshot), or with their latest
 * approval versions. The reading view shows it; the figure list numbers the current texts.
 */
@Injectable()
export class ReportTextService {
  constructor(
    private readonly sections: SectionRepository,
    private readonly documents: DocumentRepository,
    private readonly members: MemberService,
  ) {}

  /** The report with each section's current text, or (`approved`) its latest approval version's. */
  async text(actor: Actor, projectId: string, version: ReportTextVersion = 'current'): Promise<ReportTextResponse> {
    await this.members.assertCan(projectId, actor.userId, 'project.read');
    const readAt = new Date().toISOString();
    if (version === 'approved') {
      const ordered = this.inReadingOrder(await this.sections.listLive(projectId));
      const approved = await this.documents.approvedJson(ordered.map(({ section }) => section.id));
      return {
        sections: ordered.map(({ section, depth }) => {
          const found = approved.get(section.id);
          return { ...this.place(section, depth), json: found?.json ?? null, approvedAt: found?.at ?? null };
        }),
        readAt,
      };
    }
    const texts = await this.liveTexts(projectId);
    return { sections: texts.map(({ section, depth, json }) => ({ ...this.place(section, depth), json })), readAt };
  }

  private place(section: OutlineNode, depth: number): Omit<ReportTextSection, 'json'> {
    return { id: section.id, number: section.number, title: section.title, depth, state: section.state };
  }

  /** The live sections in reading order (each before its sub-sections), with their texts. */
  async liveTexts(projectId: string): Promise<SectionText[]> {
    const ordered = this.inReadingOrder(await this.sections.listLive(projectId));
    const texts = await this.documents.currentJson(ordered.map(({ section }) => section.id));
    return ordered.map((entry) => ({ ...entry, json: texts.get(entry.section.id) ?? EMPTY }));
  }

  private inReadingOrder(rows: Parameters<typeof outlineTree>[0]): Array<{ section: OutlineNode; depth: number }> {
    const ordered: Array<{ section: OutlineNode; depth: number }> = [];
    const visit = (nodes: readonly OutlineNode[], depth: number): void => {
      for (const node of nodes) {
        ordered.push({ section: node, depth });
        visit(node.children, depth + 1);
      }
    };
    visit(outlineTree(rows), 1);
    return ordered;
  }
}
