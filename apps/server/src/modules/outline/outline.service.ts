import {
  depthOf,
  DomainError,
  LIMITS,
  moveProblem,
  placeAmongSiblings,
  sectionAbilities,
  sectionContext,
  subtreeIds,
  type OutlineResponse,
  type Section,
  type SectionDetailResponse,
  type TrashedSection,
} from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { announceChange } from '../../common/project-changes.js';
import type { Actor } from '../../common/http/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { MemberService } from '../members/member.service.js';
import type { CreateSectionDto, MoveSectionDto } from './outline.dto.js';
import { auditView, numberedSections, outlineTree } from './section-view.js';
import { SectionRepository, type SectionRow } from './section.repository.js';
import type { TemplateSection } from './templates.js';

function invalidParent(message: string): DomainError {
  return new DomainError('VALIDATION', message, [{ field: 'parentId', message }]);
}

const TOO_DEEP = `the outline may nest at most ${LIMITS.outlineMaxDepth} levels deep`;

/**
 * The outline of a project: create, move, delete into the trash and restore. Every change
 * locks the project's outline first and rewrites sibling positions to 0..n-1, so two leads
 * working at once queue up instead of producing gaps, duplicates or orphans.
 */
@Injectable()
export class OutlineService {
  constructor(
    private readonly sections: SectionRepository,
    private readonly members: MemberService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async outline(actor: Actor, projectId: string): Promise<OutlineResponse> {
    await this.members.assertCan(projectId, actor.userId, 'project.read');
    return { sections: outlineTree(await this.sections.listLive(projectId)) };
  }

  async get(actor: Actor, projectId: string, sectionId: string): Promise<SectionDetailResponse> {
    const role = await this.members.assertCan(projectId, actor.userId, 'project.read');
    const section = await this.numbered(projectId, sectionId);
    return { section, abilities: sectionAbilities(role, sectionContext(section, actor.userId)) };
  }

  /** The section with its current outline number; NOT_FOUND when it is not live. */
  async numbered(projectId: string, sectionId: string, em?: EntityManager): Promise<Section> {
    const section = numberedSections(await this.sections.listLive(projectId, em)).find((s) => s.id === sectionId);
    if (!section) {
      throw new DomainError('NOT_FOUND', 'No such section');
    }
    return section;
  }

  async create(actor: Actor, projectId: string, dto: CreateSectionDto): Promise<Section> {
    return this.change(actor, projectId, async (rows, em) => {
      const id = await this.insertSection(projectId, rows, dto, em);
      const section = await this.numbered(projectId, id, em);
      await this.record(actor, projectId, 'section.created', id, { after: auditView(section) }, em);
      return section;
    });
  }

  /** Inserts a section into a locked outline (`rows` are its live sections); returns the id. */
  async insertSection(
    projectId: string,
    rows: readonly SectionRow[],
    dto: Pick<CreateSectionDto, 'title' | 'parentId' | 'position' | 'numbered'>,
    em: EntityManager,
  ): Promise<string> {
    if (rows.length >= LIMITS.outlineMaxSections) {
      throw new DomainError('VALIDATION', `An outline holds at most ${LIMITS.outlineMaxSections} sections`);
    }
    const parentId = dto.parentId ?? null;
    if (parentId !== null && !rows.some((row) => row.id === parentId)) {
      throw invalidParent('parentId must name a section of this project');
    }
    if (parentId !== null && depthOf(rows, parentId) >= LIMITS.outlineMaxDepth) {
      throw invalidParent(TOO_DEEP);
    }
    const siblings = rows.filter((row) => row.parentId === parentId).map((row) => row.id);
    const id = await this.sections.insert(
      { projectId, parentId, position: siblings.length, title: dto.title, numbered: dto.numbered ?? true },
      em,
    );
    await this.sections.placeSiblings(parentId, placeAmongSiblings(siblings, id, dto.position ?? siblings.length), em);
    return id;
  }

  /** Writes a template's outline into a new, still empty project, inside its creation. */
  async seed(
    projectId: string,
    sections: readonly TemplateSection[],
    em: EntityManager,
    parentId: string | null = null,
  ): Promise<void> {
    for (const [position, section] of sections.entries()) {
      const id = await this.sections.insert(
        { projectId, parentId, position, title: section.title, numbered: section.numbered ?? true },
        em,
      );
      await this.seed(projectId, section.children ?? [], em, id);
    }
  }

  async move(actor: Actor, projectId: string, sectionId: string, dto: MoveSectionDto): Promise<Section> {
    return this.change(actor, projectId, async (rows, em) => {
      const before = await this.numbered(projectId, sectionId, em);
      const parentId = dto.parentId;
      if (parentId !== null && parentId !== sectionId && !rows.some((row) => row.id === parentId)) {
        throw invalidParent('parentId must name a section of this project');
      }
      const problem = moveProblem(rows, sectionId, parentId, LIMITS.outlineMaxDepth);
      if (problem === 'cycle') {
        throw new DomainError('OUTLINE_CYCLE', 'A section cannot be moved under itself or one of its sub-sections');
      }
      if (problem === 'too_deep') {
        throw invalidParent(TOO_DEEP);
      }
      if (before.parentId !== parentId) {
        await this.sections.placeSiblings(before.parentId, this.siblingIds(rows, before.parentId, sectionId), em);
      }
      const order = placeAmongSiblings(this.siblingIds(rows, parentId, sectionId), sectionId, dto.position);
      await this.sections.placeSiblings(parentId, order, em);
      const after = await this.numbered(projectId, sectionId, em);
      await this.record(actor, projectId, 'section.moved', sectionId, { before: auditView(before), after: auditView(after) }, em);
      return after;
    });
  }

  /** Moves a section and everything below it into the trash. */
  async remove(actor: Actor, projectId: string, sectionId: string): Promise<void> {
    await this.change(actor, projectId, async (rows, em) => {
      const before = await this.numbered(projectId, sectionId, em);
      const ids = subtreeIds(rows, sectionId);
      await this.sections.trash([...ids], sectionId, actor.userId, em);
      await this.sections.placeSiblings(before.parentId, this.siblingIds(rows, before.parentId, sectionId), em);
      await this.record(
        actor, projectId, 'section.deleted', sectionId, { before: auditView(before), descendants: ids.size - 1 }, em,
      );
    });
  }

  async trash(actor: Actor, projectId: string): Promise<TrashedSection[]> {
    await this.members.assertCan(projectId, actor.userId, 'outline.manage');
    const roots = await this.sections.listTrash(projectId);
    return roots.map((root) => ({
      id: root.id,
      title: root.title,
      parentId: root.parentId,
      deletedAt: root.deletedAt.toISOString(),
      deletedBy: root.deletedBy,
      descendantCount: root.descendants,
    }));
  }

  /**
   * Brings a deleted section back with everything deleted with it: to its former parent
   * and place when that parent is still there (and the depth allows), else to the end of
   * the top level.
   */
  async restore(actor: Actor, projectId: string, sectionId: string): Promise<Section> {
    return this.change(actor, projectId, async (rows, em) => {
      const root = await this.sections.findTrashRoot(projectId, sectionId, em);
      const restored = await this.sections.restore(root.id, em);
      if (rows.length + restored.length > LIMITS.outlineMaxSections) {
        throw new DomainError('VALIDATION', `An outline holds at most ${LIMITS.outlineMaxSections} sections`);
      }
      const live = await this.sections.listLive(projectId, em);
      let parentId = root.parentId !== null && rows.some((row) => row.id === root.parentId) ? root.parentId : null;
      if (parentId !== null && moveProblem(live, root.id, parentId, LIMITS.outlineMaxDepth) !== null) {
        parentId = null;
      }
      const position = parentId === root.parentId ? root.position : Number.MAX_SAFE_INTEGER;
      await this.sections.placeSiblings(parentId, placeAmongSiblings(this.siblingIds(rows, parentId, root.id), root.id, position), em);
      const after = await this.numbered(projectId, root.id, em);
      await this.record(
        actor, projectId, 'section.restored', root.id, { after: auditView(after), descendants: restored.length - 1 }, em,
      );
      return after;
    });
  }

  /**
   * Runs an outline change as a lead, in one transaction holding the outline lock, with
   * the live sections as they are once the lock is held.
   */
  async change<T>(
    actor: Actor,
    projectId: string,
    work: (rows: SectionRow[], em: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.db.transaction(async (em) => {
      await this.members.assertCan(projectId, actor.userId, 'outline.manage', undefined, em);
      await this.sections.lockOutline(projectId, em);
      return work(await this.sections.listLive(projectId, em), em);
    });
  }

  /** The ids under `parentId` in order, without `exceptId`. */
  private siblingIds(rows: readonly SectionRow[], parentId: string | null, exceptId: string): string[] {
    return rows
      .filter((row) => row.parentId === parentId && row.id !== exceptId)
      .sort((a, b) => a.position - b.position)
      .map((row) => row.id);
  }

  /** Every outline change is audited and announced (to event streams and live connections). */
  private async record(
    actor: Actor,
    projectId: string,
    action: string,
    sectionId: string,
    data: Record<string, unknown>,
    em: EntityManager,
  ): Promise<void> {
    await this.audit.record({ action, actorId: actor.userId, projectId, targetType: 'section', targetId: sectionId, data, client: actor }, em);
    await announceChange(em, { projectId, topic: 'outline', sectionId });
  }
}
