import { DomainError, inReadingOrder, type SectionReference, type SectionReferencesResponse } from '@kapitel/domain';
import { sectionRefId, type SectionContent } from '@kapitel/editor';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/http/request-context.js';
import { DocumentRepository } from '../documents/document.repository.js';
import { MemberService } from '../members/member.service.js';
import { outlineTree } from './section-view.js';
import { SectionRepository } from './section.repository.js';

type JSONContent = SectionContent['json'];

/** How many cross-references in `node` point to one of `targets`. */
export function countReferences(node: JSONContent, targets: ReadonlySet<string>): number {
  const own = node.type === 'sectionRef' && targets.has(sectionRefId(node.attrs?.sectionId)) ? 1 : 0;
  return own + (node.content ?? []).reduce((sum, child) => sum + countReferences(child, targets), 0);
}


/**
 * Which sections refer to a section or one of its sub-sections through cross-references, read
 * from their current texts (snapshot and the edits since): asked before the section goes to the
 * trash with its sub-sections, where those references would show "Verweis fehlt". Texts of the
 * sub-tree itself are not counted: they go to the trash too.
 */
@Injectable()
export class ReferencesService {
  constructor(
    private readonly sections: SectionRepository,
    private readonly documents: DocumentRepository,
    private readonly members: MemberService,
  ) {}

  async referencesTo(actor: Actor, projectId: string, sectionId: string): Promise<SectionReferencesResponse> {
    await this.members.assertCan(projectId, actor.userId, 'project.read');
    const live = inReadingOrder(outlineTree(await this.sections.listLive(projectId)));
    const target = live.find((section) => section.id === sectionId);
    if (target === undefined) {
      throw new DomainError('NOT_FOUND', 'No such section');
    }
    const subtree = new Set(inReadingOrder([target]).map((section) => section.id));
    const others = live.filter((section) => !subtree.has(section.id));
    const texts = await this.documents.currentJson(others.map((section) => section.id));
    const references: SectionReference[] = [];
    for (const section of others) {
      const text = texts.get(section.id);
      const count = text ? countReferences(text, subtree) : 0;
      if (count > 0) {
        references.push({ sectionId: section.id, number: section.number, title: section.title, count });
      }
    }
    return { references };
  }
}
