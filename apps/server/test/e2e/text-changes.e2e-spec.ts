import type { ProjectChange } from '@kapitel/domain';
import { connectCollab, eventually, synced, typeInto } from '../collab-client.js';
import { openEventStream, type EventStreamClient } from '../event-stream.js';
import { createSection, createTeam } from '../factories.js';
import { startTestApp, type TestApp } from '../test-app.js';

const INTERVAL_MS = 400;

/** The `text` changes a stream has told of, in order. */
function textChanges(stream: EventStreamClient): ProjectChange[] {
  return stream.events
    .filter((event) => event.event === 'change')
    .map((event) => event.data as ProjectChange)
    .filter((change) => change.topic === 'text');
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The project stream's `text` topic: a section's text changed. What the reading view marks
 * and the editor's figure numbers follow; the first edit at once, then at most one per
 * interval per section (TEXT_CHANGE_MS).
 */
describe('changes of a text on the project’s event stream', () => {
  let app: TestApp;
  const closers: Array<() => void> = [];
  beforeAll(async () => {
    app = await startTestApp({ textChangeMs: INTERVAL_MS });
  });
  afterEach(() => {
    closers.splice(0).forEach((close) => close());
  });
  afterAll(async () => {
    await app.close();
  });

  async function typing() {
    const { lead, author, reader, project } = await createTeam(app);
    const section = await createSection(lead, project.id, { title: 'Einleitung' });
    await lead.client.patch(`/api/projects/${project.id}/sections/${section.id}`, { assigneeIds: [author.user.id] });
    const stream = await openEventStream(app.origin, reader, project.id);
    closers.push(() => stream.close());
    await eventually(() => stream.events.some((event) => event.event === 'ready'), 'the ready event');
    return { lead, author, reader, project, section, stream };
  }

  it('tells every member that a text changed, once per interval however much is typed, and after the last key too', async () => {
    const { author, project, section, stream } = await typing();
    const writer = connectCollab(app.origin, author, section.id);
    closers.push(() => writer.destroy());
    await synced(writer);
    const started = Date.now();
    for (let key = 0; key < 25; key += 1) {
      typeInto(writer.doc, 'x');
      await pause(40);
    }
    const typedFor = Date.now() - started;
    // The last key is told of within an interval after it, not left out.
    const last = Date.now();
    await eventually(() => textChanges(stream).length > 0 && Date.now() - last > INTERVAL_MS * 2, 'an interval after the last key', 5000);
    const told = textChanges(stream);
    expect(told.every((change) => change.projectId === project.id && change.sectionId === section.id)).toBe(true);
    // The first at once, then one for each interval with edits: far fewer than the 25 keys.
    expect(told.length).toBeGreaterThanOrEqual(1);
    expect(told.length).toBeLessThanOrEqual(Math.ceil(typedFor / INTERVAL_MS) + 2);
  });

  it('tells of the first edit at once and of the next one after the interval, each with when it was stored', async () => {
    const { author, section, stream } = await typing();
    const writer = connectCollab(app.origin, author, section.id);
    closers.push(() => writer.destroy());
    await synced(writer);
    const before = Date.now();
    typeInto(writer.doc, 'a');
    await eventually(() => textChanges(stream).length === 1, 'the first edit told at once');
    // The second edit, within the interval the first one opened: told when it ends, not at once.
    typeInto(writer.doc, 'b');
    await eventually(() => textChanges(stream).length === 2, 'the second edit told after the interval', 5000);
    const [first, second] = textChanges(stream).map((change) => Date.parse(change.at ?? ''));
    expect(first).toBeGreaterThanOrEqual(before - 1000);
    expect(second).toBeGreaterThan(first ?? Infinity);
    expect(second).toBeLessThanOrEqual(Date.now());
  });

  it('tells nothing when nothing was stored: a reader’s update is discarded', async () => {
    const { reader, section, stream } = await typing();
    const intruder = connectCollab(app.origin, reader, section.id);
    closers.push(() => intruder.destroy());
    await synced(intruder);
    typeInto(intruder.doc, 'Nicht erlaubt');
    await pause(INTERVAL_MS * 3);
    expect(textChanges(stream)).toEqual([]);
  });
});
