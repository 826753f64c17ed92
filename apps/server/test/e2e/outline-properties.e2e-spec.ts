import fc from 'fast-check';
import { startTestApp, type TestApp } from '../test-app.js';
import { scenario } from '../outline-model/commands.js';
import { runScenario, assertOptions } from '../outline-model/run.js';

/**
 * Model-based property tests of the outline and review API: random sequences of requests by
 * random members against a real server, each answer predicted by an in-memory model written
 * from API.md, ARCHITECTURE.md ("Who may do what", review states) and the pure rules of
 * libs/domain. After every request the database and GET /outline must agree with the model
 * and keep every invariant; a refused request must leave every row as it was.
 */

describe('outline and review under random sequences of requests (model-based properties)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterAll(async () => {
    await app.close();
  });

  it('keeps the outline a tree with dense positions, numbered as the tree says, under random outline changes by a lead and refused ones by the others', async () => {
    const commands = scenario(
      { create: 5, move: 6, delete: 3, restore: 3, update: 2, assign: 1, transition: 1 },
      { min: 15, max: 25 },
    );
    await fc.assert(
      fc.asyncProperty(commands, (sequence) => runScenario(app, sequence)),
      assertOptions(10),
    );
  }, 120_000);

  it('lets only the review transitions the rules allow succeed and keeps every history replaying to its section state', async () => {
    const commands = scenario(
      { create: 2, move: 1, delete: 1, restore: 1, update: 1, assign: 3, transition: 8 },
      { min: 15, max: 25 },
    );
    await fc.assert(
      fc.asyncProperty(commands, (sequence) => runScenario(app, sequence)),
      assertOptions(10),
    );
  }, 120_000);
});
