import type { Section, SectionResponse } from '@kapitel/domain';
import { createParticipant, createSection, createTeam, type Person } from './factories.js';
import type { TestApp } from './test-app.js';

export type ReviewTeam = Awaited<ReturnType<typeof createTeam>> & { secondLead: Person; section: Section };

/** A team with a second lead and a draft section assigned to the author, to be reviewed by the reviewer. */
export async function reviewTeam(app: TestApp): Promise<ReviewTeam> {
  const team = await createTeam(app);
  const secondLead = await createParticipant(app, team.lead, team.project.id, 'lead');
  const created = await createSection(team.lead, team.project.id, { title: 'Fallbeispiele' });
  const res = await team.lead.client.patch<SectionResponse>(`/api/projects/${team.project.id}/sections/${created.id}`, {
    assigneeIds: [team.author.user.id],
    reviewerId: team.reviewer.user.id,
  });
  if (res.status !== 200) {
    throw new Error(`assigning answered ${String(res.status)}`);
  }
  return { ...team, secondLead, section: res.body.section };
}
