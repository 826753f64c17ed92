import { randomUUID } from 'node:crypto';
import type { ErrorBody, ErrorCode, Project } from '@kapitel/domain';
import { createTeam, PASSWORD, registerUser, type Person } from './factories.js';
import { HttpClient, type Answer } from './http-client.js';
import { startTestApp, type TestApp } from './test-app.js';

/**
 * The machinery of the permission matrices: every endpoint against every kind of caller,
 * with the expectations written out in the spec files (from API.md and ARCHITECTURE.md,
 * "Who may do what"), never derived from the server. Every refused request must leave the
 * rows the spec snapshots exactly as they were.
 */

/** The kinds of caller, least privileged first. */
export const CALLERS = ['anonymous', 'nonMember', 'reader', 'reviewer', 'author', 'lead'] as const;
export type Caller = (typeof CALLERS)[number];

/** "200" for a success, "403 FORBIDDEN" for a refusal with its error code. */
export type Expected = `${number}` | `${number} ${ErrorCode}`;

export function parseExpected(expected: Expected): { status: number; code: ErrorCode | null } {
  const [status, code] = expected.split(' ');
  return { status: Number(status), code: (code as ErrorCode | undefined) ?? null };
}

/** Readable by every member; outsiders do not see the project. */
export const MEMBERS_READ: Record<Caller, Expected> = {
  anonymous: '401 UNAUTHENTICATED',
  nonMember: '404 NOT_FOUND',
  reader: '200',
  reviewer: '200',
  author: '200',
  lead: '200',
};

/** Only a lead may; other members are forbidden; outsiders do not see the project. */
export function leadOnly(success: Expected): Record<Caller, Expected> {
  return {
    anonymous: '401 UNAUTHENTICATED',
    nonMember: '404 NOT_FOUND',
    reader: '403 FORBIDDEN',
    reviewer: '403 FORBIDDEN',
    author: '403 FORBIDDEN',
    lead: success,
  };
}

/** Open to everybody logged in, whether member or not. */
export function anyUser(success: Expected): Record<Caller, Expected> {
  return {
    anonymous: '401 UNAUTHENTICATED',
    nonMember: success,
    reader: success,
    reviewer: success,
    author: success,
    lead: success,
  };
}

/** One project with a lead and one member of each other role, and an outsider. */
export interface TeamFixture {
  project: Project;
  lead: Person;
  author: Person;
  reviewer: Person;
  reader: Person;
  nonMember: Person;
}

export async function createTeamFixture(app: TestApp): Promise<TeamFixture> {
  const [team, nonMember] = await Promise.all([createTeam(app), registerUser(app, { name: 'Nina Outsider' })]);
  return { ...team, nonMember };
}

/** What a matrix row's callbacks get; `X` holds what `prepare` makes for the request. */
export type MatrixContext<F, C extends string = Caller, X extends object = object> = {
  app: TestApp;
  fixture: F;
  caller: C;
  client: HttpClient;
  /** The caller's own account; null for anonymous. */
  self: Person | null;
  /** A unique text for this request (titles), so that rows it might create can be found. */
  marker: string;
} & Partial<X>;

export interface MatrixRow<F, C extends string = Caller, X extends object = object> {
  name: string;
  expected: Record<C, Expected>;
  /** Send the request on a second session of the caller (for logout). */
  freshSession?: boolean;
  /** Setup per caller, done before the "before" snapshot is taken. */
  prepare?(ctx: MatrixContext<F, C, X>): Promise<void>;
  send(ctx: MatrixContext<F, C, X>): Promise<Answer>;
  /** Further checks after a successful answer. */
  verify?(ctx: MatrixContext<F, C, X>, answer: Answer): Promise<void> | void;
}

export interface MatrixSpec<F, C extends string, X extends object> {
  /** Every kind of caller, least privileged first; 'anonymous' is the one without a session. */
  callers: readonly C[];
  rows: ReadonlyArray<MatrixRow<F, C, X>>;
  /** A fresh fixture for each row: a row's successes never disturb another row. */
  createFixture(app: TestApp): Promise<F>;
  /** Every row a refused request must leave alone. */
  snapshot(app: TestApp, fixture: F, marker: string): Promise<Record<string, unknown[]>>;
}

/** A request that must succeed, for setup (`prepare`, fixtures). */
export async function mustSucceed(
  person: Person,
  method: 'post' | 'patch' | 'delete',
  path: string,
  body?: unknown,
): Promise<Answer> {
  const res = await person.client.request(method.toUpperCase(), path, body);
  if (res.status >= 300) {
    throw new Error(`${method} ${path} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res;
}

/** A second, independent session of a user. */
export async function logIn(app: TestApp, person: Person): Promise<HttpClient> {
  const client = new HttpClient(app.origin);
  const res = await client.post('/api/auth/login', { email: person.user.email, password: PASSWORD });
  if (res.status !== 200) {
    throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return client;
}

/**
 * Declares the matrix's tests inside the current `describe`: one check that every row names
 * every caller, then per row one test per caller. `getApp` is read when the tests run.
 */
export function describeMatrix<C extends string, F extends Record<Exclude<C, 'anonymous'>, Person>, X extends object>(
  getApp: () => TestApp,
  spec: MatrixSpec<F, C, X>,
): void {
  it('has a row for every caller in every line of the matrix', () => {
    for (const row of spec.rows) {
      expect(Object.keys(row.expected).sort()).toEqual([...spec.callers].sort());
    }
  });

  describe.each([...spec.rows])('$name', (row) => {
    let fixture: F;

    beforeAll(async () => {
      fixture = await spec.createFixture(getApp());
    });

    // Least privileged first: refusals must not change anything, so they cannot disturb later callers.
    it.each(spec.callers.map((caller) => [caller, row.expected[caller]] as const))(
      '%s is answered %s',
      async (caller, expected) => {
        const app = getApp();
        const self = caller === 'anonymous' ? null : fixture[caller as Exclude<C, 'anonymous'>];
        const client =
          self === null
            ? new HttpClient(app.origin)
            : row.freshSession
              ? await logIn(app, self)
              : self.client;
        const ctx = { app, fixture, caller, client, self, marker: `Matrix ${randomUUID()}` } as MatrixContext<F, C, X>;
        const want = parseExpected(expected);
        await row.prepare?.(ctx);

        const before = await spec.snapshot(app, fixture, ctx.marker);
        const answer = await row.send(ctx);

        expect({ status: answer.status, body: answer.body }).toMatchObject({ status: want.status });
        if (want.status >= 400) {
          expect((answer.body as ErrorBody).error.code).toBe(want.code);
          expect(await spec.snapshot(app, fixture, ctx.marker)).toEqual(before);
        } else if (row.verify) {
          await row.verify(ctx, answer);
        }
      },
    );
  });
}

/**
 * The server of a permission spec, started before and stopped after the current `describe`.
 * A matrix registers and invites many people from one address, so the rate limits are lifted.
 * Returns the getter to read it inside tests.
 */
export function matrixApp(): () => TestApp {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp({
      loginRateLimitPerIp: 100_000,
      loginRateLimitPerEmail: 100_000,
      invitationRateLimitPerHour: 100_000,
    });
  });
  afterAll(async () => {
    await app?.close();
  });
  return () => {
    if (!app) {
      throw new Error('the matrix app is read before it started');
    }
    return app;
  };
}
