import type { OutlineNode, Template } from '@kapitel/domain';
import { createProject, outlineOf, registerUser } from '../factories.js';
import { startTestApp, type TestApp } from '../test-app.js';

function shape(nodes: readonly OutlineNode[]): unknown[] {
  return nodes.map((node) => [node.number, node.title, ...(node.children.length > 0 ? [shape(node.children)] : [])]);
}

describe('outline', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterAll(async () => {
    await app.close();
  });

  describe('templates', () => {
    it('lists the German municipal report template', async () => {
      const person = await registerUser(app);
      const res = await person.client.get<Template[]>('/api/templates');
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        { id: 'kommunaler-bericht-open-source', title: expect.stringContaining('Open Source') as string, language: 'de' },
      ]);
    });

    it('starts a project from the template with the chapters, numbers and an unnumbered foreword', async () => {
      const lead = await registerUser(app);
      const created = await lead.client.post<{ project: { id: string } }>('/api/projects', {
        title: 'Open Source in Kommunen',
        template: 'kommunaler-bericht-open-source',
      });
      expect(created.status).toBe(201);
      expect(shape(await outlineOf(lead, created.body.project.id))).toEqual([
        [null, 'Vorwort'],
        ['1', 'Ausgangslage und Einführung'],
        ['2', 'Kommunale Forcierungsstrategien'],
        [
          '3',
          'Wie kommen Kommunen sukzessive zu mehr Open Source?',
          [
            ['3.1', 'Stufenweises Vorgehen'],
            ['3.2', 'Open Source im Beschaffungsverfahren'],
            ['3.3', 'Fallbeispiele'],
          ],
        ],
        ['4', 'Kontributoren und das Open-Source-Ökosystem'],
        ['5', 'Vorurteile gegen Open Source und ihre Auflösung'],
      ]);
    });

    it('starts an empty outline without a template', async () => {
      const lead = await registerUser(app);
      const project = await createProject(lead);
      expect(await outlineOf(lead, project.id)).toEqual([]);
    });
  });
});
