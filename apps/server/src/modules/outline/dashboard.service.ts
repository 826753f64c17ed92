import { REVIEW_STATES, type Dashboard, type DashboardSection, type ReviewState, type Section } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/http/request-context.js';
import { MemberService } from '../members/member.service.js';
import { numberedSections } from './section-view.js';
import { SectionRepository } from './section.repository.js';

/** Today as `YYYY-MM-DD` in UTC; a due date before it is overdue. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Where a project stands: states, progress, what is late and who has what. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly sections: SectionRepository,
    private readonly members: MemberService,
  ) {}

  async dashboard(actor: Actor, projectId: string): Promise<Dashboard> {
    const people = await this.members.list(actor, projectId);
    const sections = numberedSections(await this.sections.listLive(projectId));
    const now = today();
    const view = (section: Section): DashboardSection => ({
      id: section.id,
      number: section.number,
      title: section.title,
      state: section.state,
      dueDate: section.dueDate,
      overdue: section.state !== 'approved' && section.dueDate !== null && section.dueDate < now,
    });
    const views = sections.map(view);
    const counts = Object.fromEntries(REVIEW_STATES.map((state) => [state, 0])) as Record<ReviewState, number>;
    for (const section of sections) {
      counts[section.state] += 1;
    }
    return {
      total: sections.length,
      counts,
      approved: counts.approved,
      progress: sections.length === 0 ? 0 : counts.approved / sections.length,
      overdue: views.filter((section) => section.overdue),
      members: people.map((member) => ({
        userId: member.userId,
        name: member.name,
        organisation: member.organisation,
        role: member.role,
        assigned: views.filter((_view, index) => sections[index]?.assigneeIds.includes(member.userId)),
        reviewing: views.filter((_view, index) => sections[index]?.reviewerId === member.userId),
      })),
    };
  }
}
