import {
  childrenByParent,
  isMySection,
  numberOutline,
  type MyWorkProject,
  type MyWorkResponse,
  type MyWorkSection,
} from '@kapitel/domain';
import type { MyWorkRow } from './my-work.repository.js';

type RowSection = NonNullable<MyWorkRow['section']>;

/** The sections of each project in reading order (depth first), as the outline lists them. */
function readingOrder(sections: readonly RowSection[]): RowSection[] {
  const children = childrenByParent(sections);
  const ordered: RowSection[] = [];
  const visit = (parentId: string | null): void => {
    for (const section of children.get(parentId) ?? []) {
      ordered.push(section);
      visit(section.id);
    }
  };
  visit(null);
  return ordered;
}

/**
 * Due date first (the earliest on top, none last), then the project's title, then the
 * outline's order: what is due soonest is what to do next. Approved sections, done, follow
 * all open ones in the same order, so that an old due date of finished work tops nothing.
 */
function byDueDate(
  a: { section: MyWorkSection; order: number },
  b: { section: MyWorkSection; order: number },
): number {
  const done = Number(a.section.state === 'approved') - Number(b.section.state === 'approved');
  if (done !== 0) {
    return done;
  }
  const due = (a.section.dueDate ?? '\uffff').localeCompare(b.section.dueDate ?? '\uffff');
  if (due !== 0) {
    return due;
  }
  return (
    a.section.projectTitle.localeCompare(b.section.projectTitle, 'de') ||
    a.section.projectId.localeCompare(b.section.projectId) ||
    a.order - b.order
  );
}

/**
 * `userId`'s work from the rows of `MyWorkRepository.listForMember`: their sections across
 * all projects and each project's progress. `today` (`YYYY-MM-DD`, UTC) decides what is
 * overdue, with the dashboard's rule: not approved and due before today.
 */
export function myWork(rows: readonly MyWorkRow[], userId: string, today: string): MyWorkResponse {
  const projects = new Map<string, { head: MyWorkRow; sections: RowSection[] }>();
  for (const row of rows) {
    const entry = projects.get(row.projectId) ?? { head: row, sections: [] };
    if (row.section !== null) {
      entry.sections.push(row.section);
    }
    projects.set(row.projectId, entry);
  }
  const mine: Array<{ section: MyWorkSection; order: number }> = [];
  const progress: MyWorkProject[] = [];
  for (const { head, sections } of projects.values()) {
    const numbers = numberOutline(sections);
    let approved = 0;
    let open = 0;
    readingOrder(sections).forEach((section, order) => {
      if (section.state === 'approved') {
        approved += 1;
      }
      if (!isMySection(section, userId)) {
        return;
      }
      if (section.state !== 'approved') {
        open += 1;
      }
      mine.push({
        order,
        section: {
          id: section.id,
          projectId: head.projectId,
          projectTitle: head.projectTitle,
          projectLanguage: head.projectLanguage,
          number: numbers.get(section.id) ?? null,
          title: section.title,
          state: section.state,
          dueDate: section.dueDate,
          overdue: section.state !== 'approved' && section.dueDate !== null && section.dueDate < today,
          assigned: section.assigneeIds.includes(userId),
          reviewing: section.reviewerId === userId && section.state === 'in_review',
        },
      });
    });
    const total = sections.length;
    progress.push({
      projectId: head.projectId,
      total,
      approved,
      progress: total === 0 ? 0 : approved / total,
      open,
    });
  }
  return { sections: mine.sort(byDueDate).map(({ section }) => section), projects: progress };
}
