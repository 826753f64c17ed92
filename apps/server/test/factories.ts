import { randomUUID } from 'node:crypto';
import type { CreatedInvitation, OutlineNode, OutlineResponse, Project, Role, Section, User } from '@kapitel/domain';
import { HttpClient } from './http-client.js';
import type { TestApp } from './test-app.js';

export const PASSWORD = 'ein langes Passwort 123';

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.org`;
}

/** A logged-in person: their client (cookie jar) and their account. */
export interface Person {
  client: HttpClient;
  user: User;
}

export async function registerUser(
  app: TestApp,
  overrides: { email?: string; name?: string; organisation?: string } = {},
): Promise<Person> {
  const client = new HttpClient(app.origin);
  const email = overrides.email ?? uniqueEmail();
  const res = await client.post<{ user: User }>('/api/auth/register', {
    email,
    password: PASSWORD,
    name: overrides.name ?? `Person ${email.slice(0, 12)}`,
    ...(overrides.organisation ? { organisation: overrides.organisation } : {}),
  });
  if (res.status !== 201) {
    throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { client, user: res.body.user };
}

export async function createProject(
  lead: Person,
  overrides: { title?: string; language?: 'de' | 'en' } = {},
): Promise<Project> {
  const res = await lead.client.post<{ project: Project }>('/api/projects', {
    title: overrides.title ?? `Bericht ${randomUUID().slice(0, 6)}`,
    ...(overrides.language ? { language: overrides.language } : {}),
  });
  if (res.status !== 201) {
    throw new Error(`create project failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body.project;
}

export async function invite(lead: Person, projectId: string, email: string, role: Role): Promise<CreatedInvitation> {
  const res = await lead.client.post<CreatedInvitation>(`/api/projects/${projectId}/invitations`, { email, role });
  if (res.status !== 201) {
    throw new Error(`invite failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

/** A new user who joined the project with `role` through an invitation. */
export async function createParticipant(app: TestApp, lead: Person, projectId: string, role: Role): Promise<Person> {
  const person = await registerUser(app);
  const invitation = await invite(lead, projectId, person.user.email, role);
  const res = await person.client.post(`/api/invitations/${invitation.token}/accept`);
  if (res.status !== 200) {
    throw new Error(`accept failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return person;
}

/** A project with a lead and one member of every other role. */
export async function createTeam(app: TestApp): Promise<{
  project: Project;
  lead: Person;
  author: Person;
  reviewer: Person;
  reader: Person;
}> {
  const lead = await registerUser(app, { name: 'Lea Lead' });
  const project = await createProject(lead);
  const [author, reviewer, reader] = await Promise.all([
    createParticipant(app, lead, project.id, 'author'),
    createParticipant(app, lead, project.id, 'reviewer'),
    createParticipant(app, lead, project.id, 'reader'),
  ]);
  return { project, lead, author, reviewer, reader };
}

/** A new section of the project's outline, made by a lead. */
export async function createSection(
  lead: Person,
  projectId: string,
  body: { title?: string; parentId?: string | null; position?: number; numbered?: boolean } = {},
): Promise<Section> {
  const res = await lead.client.post<{ section: Section }>(`/api/projects/${projectId}/sections`, {
    title: body.title ?? `Abschnitt ${randomUUID().slice(0, 6)}`,
    ...body,
  });
  if (res.status !== 201) {
    throw new Error(`create section failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body.section;
}

/** The project's outline tree as a member sees it. */
export async function outlineOf(person: Person, projectId: string): Promise<OutlineNode[]> {
  const res = await person.client.get<OutlineResponse>(`/api/projects/${projectId}/outline`);
  if (res.status !== 200) {
    throw new Error(`outline failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body.sections;
}

/** The tree flattened in reading order. */
export function flattenOutline(nodes: readonly OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((node) => [node, ...flattenOutline(node.children)]);
}
