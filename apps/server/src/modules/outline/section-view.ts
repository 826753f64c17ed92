import { childrenByParent, numberOutline, type OutlineNode, type Section } from '@kapitel/domain';
import type { SectionRow } from './section.repository.js';

export function toSection(row: SectionRow, number: string | null): Section {
  return {
    id: row.id,
    projectId: row.projectId,
    parentId: row.parentId,
    position: row.position,
    number,
    title: row.title,
    numbered: row.numbered,
    state: row.state,
    assigneeIds: row.assigneeIds,
    reviewerId: row.reviewerId,
    dueDate: row.dueDate,
    targetWords: row.targetWords,
    noObjections: row.noObjections,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Every live section of a project with its outline number, in reading order. */
export function numberedSections(rows: readonly SectionRow[]): Section[] {
  const numbers = numberOutline(rows);
  const children = childrenByParent(rows);
  const ordered: Section[] = [];
  const visit = (parentId: string | null): void => {
    for (const row of children.get(parentId) ?? []) {
      ordered.push(toSection(row, numbers.get(row.id) ?? null));
      visit(row.id);
    }
  };
  visit(null);
  return ordered;
}

/** The outline as the nested tree of API.md. */
export function outlineTree(rows: readonly SectionRow[]): OutlineNode[] {
  const nodes = new Map<string, OutlineNode>(
    numberedSections(rows).map((section) => [section.id, { ...section, children: [] }]),
  );
  const roots: OutlineNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** The fields an audit entry shows of a section. */
export function auditView(section: Section): Record<string, unknown> {
  return {
    title: section.title,
    parentId: section.parentId,
    position: section.position,
    number: section.number,
    numbered: section.numbered,
    state: section.state,
    assigneeIds: section.assigneeIds,
    reviewerId: section.reviewerId,
    dueDate: section.dueDate,
    targetWords: section.targetWords,
  };
}
