import { CLOSE } from '@kapitel/collab';
import { collabUrl, openPeer, upgradeAnswer, type RawPeer } from '../collab-frames.js';
import { createSection, createTeam, PASSWORD, type Person } from '../factories.js';
import { eventually } from '../collab-client.js';
import { openEventStream, type EventStreamClient } from '../event-stream.js';
import { hashToken } from '../../src/modules/auth/session.service.js';
import { HttpClient } from '../http-client.js';
import { startTestApp, testDatabaseUrl, type TestApp } from '../test-app.js';

/**
 * Logging out ends the session on the live doors too: the WebSockets and event streams
 * opened with that session close (4401, `signed-out`), in every process; other sessions of
 * the same person stay open.
 */

/** The same person signed in a second time (another browser): a session of its own. */
async function signInAgain(app: TestApp, person: Person): Promise<Person> {
  const client = new HttpClient(app.origin);
  const res = await client.post('/api/auth/login', { email: person.user.email, password: PASSWORD });
  if (res.status !== 200) {
    throw new Error(`login failed: ${res.status}`);
  }
  return { client, user: person.user };
}

describe('logging out of a live section', () => {
  const apps: TestApp[] = [];
  const peers: RawPeer[] = [];
  const streams: EventStreamClient[] = [];
  afterEach(async () => {
    peers.splice(0).forEach((peer) => peer.destroy());
    streams.splice(0).forEach((stream) => stream.close());
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  it('closes the connections of that session with 4401 and leaves the person’s other sessions open', async () => {
    const app = await startTestApp();
    apps.push(app);
    const team = await createTeam(app);
    const { id: sectionId } = await createSection(team.lead, team.project.id);
    const elsewhere = await signInAgain(app, team.lead);
    const [first, second, other] = await Promise.all([
      openPeer(app.origin, team.lead, sectionId),
      openPeer(app.origin, team.lead, sectionId),
      openPeer(app.origin, elsewhere, sectionId),
    ]);
    peers.push(first, second, other);
    const cookie = team.lead.client.cookie;

    expect((await team.lead.client.post('/api/auth/logout')).status).toBe(204);

    expect(await first.closed()).toEqual({ code: CLOSE.sessionEnded, reason: 'you logged out' });
    expect((await second.closed()).code).toBe(CLOSE.sessionEnded);
    await other.roundTrip();
    expect(other.open).toBe(true);
    const again = await upgradeAnswer(collabUrl(app.origin, sectionId), { origin: app.origin, cookie: cookie ?? '' });
    expect(again.status).toBe(401);
  });

  it('closes the connections of a session when it expires, as a new upgrade would be refused', async () => {
    const app = await startTestApp();
    apps.push(app);
    const team = await createTeam(app);
    const { id: sectionId } = await createSection(team.lead, team.project.id);
    const elsewhere = await signInAgain(app, team.lead);
    // The lead's first session ends in a second and a half; the one `elsewhere` stays.
    await expireSoon(app, team.lead, 1500);
    const [expiring, other] = await Promise.all([
      openPeer(app.origin, team.lead, sectionId),
      openPeer(app.origin, elsewhere, sectionId),
    ]);
    peers.push(expiring, other);

    expect(await expiring.closed()).toEqual({ code: CLOSE.sessionEnded, reason: 'your session expired' });
    await other.roundTrip();
    expect(other.open).toBe(true);
  });

  it('closes them in another process too', async () => {
    const url = testDatabaseUrl();
    const one = await startTestApp({}, url);
    const two = await startTestApp({}, url);
    apps.push(one, two);
    const team = await createTeam(one);
    const { id: sectionId } = await createSection(team.lead, team.project.id);
    const ws = await openPeer(two.origin, { ...team.lead, client: withOrigin(team.lead.client, two.origin) }, sectionId);
    peers.push(ws);

    expect((await team.lead.client.post('/api/auth/logout')).status).toBe(204);

    expect((await ws.closed()).code).toBe(CLOSE.sessionEnded);
  });

  it('ends the project event streams of that session with signed-out, and only those', async () => {
    const app = await startTestApp();
    apps.push(app);
    const team = await createTeam(app);
    const elsewhere = await signInAgain(app, team.lead);
    const mine = await openEventStream(app.origin, team.lead, team.project.id);
    const other = await openEventStream(app.origin, elsewhere, team.project.id);
    streams.push(mine, other);
    await eventually(() => [mine, other].every((stream) => stream.events.some((e) => e.event === 'ready')), 'both streams to open');

    expect((await team.lead.client.post('/api/auth/logout')).status).toBe(204);

    await mine.ended;
    expect(mine.events.map((e) => e.event)).toEqual(['ready', 'signed-out']);
    await elsewhere.client.patch(`/api/projects/${team.project.id}`, { title: 'Noch da' });
    await eventually(() => other.events.some((e) => e.event === 'change'), 'the other session to hear the change');
  });

  it('ends the event streams of a session when it expires, and refuses a new one with 401', async () => {
    const app = await startTestApp();
    apps.push(app);
    const team = await createTeam(app);
    const elsewhere = await signInAgain(app, team.lead);
    await expireSoon(app, team.lead, 1500);
    const expiring = await openEventStream(app.origin, team.lead, team.project.id);
    const other = await openEventStream(app.origin, elsewhere, team.project.id);
    streams.push(expiring, other);
    await eventually(() => [expiring, other].every((stream) => stream.events.some((e) => e.event === 'ready')), 'both streams to open');

    await eventually(() => expiring.events.some((e) => e.event === 'signed-out'), 'the expiring stream to be told', 5000);
    await expiring.ended;
    expect(expiring.events.map((e) => e.event)).toEqual(['ready', 'signed-out']);
    const again = await openEventStream(app.origin, team.lead, team.project.id);
    streams.push(again);
    expect(again.status).toBe(401);
    await elsewhere.client.patch(`/api/projects/${team.project.id}`, { title: 'Noch da' });
    await eventually(() => other.events.some((e) => e.event === 'change'), 'the other session to hear the change');
  });
});

/** Lets the person's current session expire `ms` from now (their other sessions stay). */
async function expireSoon(app: TestApp, person: Person, ms: number): Promise<void> {
  const token = decodeURIComponent(/kapitel_session=([^;]+)/.exec(person.client.cookie ?? '')?.[1] ?? '');
  const updated = await app.db.query(
    `UPDATE sessions SET expires_at = now() + make_interval(secs => $2::float / 1000) WHERE token_hash = $1`,
    [hashToken(token), ms],
  );
  expect(updated.rowCount).toBe(1);
}

/** The same cookie, sent to another process (as a proxy in front of two would). */
function withOrigin(client: HttpClient, origin: string): HttpClient {
  const copy = new HttpClient(origin);
  copy.cookie = client.cookie;
  return copy;
}
