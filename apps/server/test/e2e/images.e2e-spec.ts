import { createHash, randomUUID } from 'node:crypto';
import { createProject, createTeam, registerUser, type Person } from '../factories.js';
import { HttpClient } from '../http-client.js';
import { gifHeaderImage, jpegHeaderImage, mustUpload, pngImage, readImage, uploadImage, WEBP_1X1 } from '../image-files.js';
import { startTestApp, type TestApp } from '../test-app.js';

/**
 * Uploaded images (docs/images.md): `POST /api/projects/:projectId/images` with the raw bytes,
 * `GET …/images/:imageId` for members. Stored in PostgreSQL; only the types the PDF can embed.
 */
describe('uploaded images', () => {
  const LIMIT = 64 * 1024;
  let app: TestApp;
  let team: Awaited<ReturnType<typeof createTeam>>;

  beforeAll(async () => {
    app = await startTestApp({ imageMaxBytes: LIMIT });
    team = await createTeam(app);
  });
  afterAll(async () => {
    await app.close();
  });

  const imagesPath = (projectId: string) => `/api/projects/${projectId}/images`;
  const storedCount = async (projectId: string): Promise<number> =>
    Number((await app.db.query<{ n: string }>('SELECT count(*) AS n FROM images WHERE project_id = $1', [projectId])).rows[0].n);

  it('stores an author\'s PNG and gives it back byte for byte, typed, cacheable for good and never sniffed', async () => {
    const png = pngImage(3, 2);
    const answer = await uploadImage(team.author, team.project.id, png, 'image/png');

    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
      src: `/api/projects/${team.project.id}/images/${answer.body.id}`,
      contentType: 'image/png',
      bytes: png.length,
      width: 3,
      height: 2,
    });
    const read = await readImage(team.reader, answer.body.src);
    expect(read.status).toBe(200);
    expect(read.bytes.equals(png)).toBe(true);
    expect(read.headers.get('content-type')).toBe('image/png');
    expect(read.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(read.headers.get('x-content-type-options')).toBe('nosniff');
    expect(read.headers.get('etag')).toBe(`"${createHash('sha256').update(png).digest('hex')}"`);
  });

  it('answers 304 without the bytes when the browser\'s copy is current', async () => {
    const image = await mustUpload(team.lead, team.project.id, pngImage(5, 5, [0, 90, 160]));
    const first = await readImage(team.reviewer, image.src);
    // As a browser revalidates on reload (fetch() would add `no-cache` to a conditional request of its own).
    const again = await readImage(team.reviewer, image.src, { 'if-none-match': first.headers.get('etag') ?? '', 'cache-control': 'max-age=0' });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
  });

  it('reads width and height from the header of a PNG, a JPEG, a GIF and a WebP', async () => {
    const sizes = [];
    for (const [bytes, type] of [
      [pngImage(17, 9), 'image/png'],
      [jpegHeaderImage(640, 480), 'image/jpeg'],
      [gifHeaderImage(300, 20), 'image/gif'],
      [WEBP_1X1, 'image/webp'],
    ] as const) {
      const image = await mustUpload(team.author, team.project.id, bytes, type);
      sizes.push({ type: image.contentType, width: image.width, height: image.height });
    }
    expect(sizes).toEqual([
      { type: 'image/png', width: 17, height: 9 },
      { type: 'image/jpeg', width: 640, height: 480 },
      { type: 'image/gif', width: 300, height: 20 },
      { type: 'image/webp', width: 1, height: 1 },
    ]);
  });

  it('gives width and height as null when the header does not say', async () => {
    const cutOff = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]); // a JPEG that ends inside its first segment
    const image = await mustUpload(team.author, team.project.id, cutOff, 'image/jpeg');
    expect(image).toMatchObject({ width: null, height: null, bytes: cutOff.length });
  });

  it('stores the same bytes once per project and answers a second upload with the same image', async () => {
    const png = pngImage(7, 7, [1, 2, 3]);
    const first = await mustUpload(team.author, team.project.id, png);
    const second = await mustUpload(team.lead, team.project.id, png);
    const elsewhere = await mustUpload(team.lead, (await createProject(team.lead)).id, png);
    expect(second.id).toBe(first.id);
    expect(elsewhere.id).not.toBe(first.id);
  });

  it('lets leads and authors upload, refuses reviewers and readers (403), hides the project from others (404)', async () => {
    const outsider = await registerUser(app);
    const anonymous = { client: new HttpClient(app.origin) };
    const before = await storedCount(team.project.id);
    const statuses: Record<string, number> = {};
    const callers: Array<[string, Pick<Person, 'client'>]> = [
      ['anonymous', anonymous], ['nonMember', outsider], ['reader', team.reader], ['reviewer', team.reviewer],
    ];
    for (const [name, caller] of callers) {
      const answer = await uploadImage(caller, team.project.id, pngImage(2, 2, [9, 9, 9]), 'image/png');
      statuses[name] = answer.status;
      expect(answer.body.error.code).toBe({ anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', reader: 'FORBIDDEN', reviewer: 'FORBIDDEN' }[name]);
    }
    expect(statuses).toEqual({ anonymous: 401, nonMember: 404, reader: 403, reviewer: 403 });
    expect(await storedCount(team.project.id)).toBe(before);
  });

  it('shows an image to members only: 404 for a non-member, 401 without a session', async () => {
    const image = await mustUpload(team.author, team.project.id, pngImage(4, 1));
    const outsider = await registerUser(app);
    const notMember = await readImage(outsider, image.src);
    expect(notMember.status).toBe(404);
    expect(notMember.body?.error.code).toBe('NOT_FOUND');
    expect((await readImage({ client: new HttpClient(app.origin) }, image.src)).status).toBe(401);
  });

  it('does not find an image of project A under project B, even for a lead of both', async () => {
    const image = await mustUpload(team.lead, team.project.id, pngImage(6, 1));
    const other = await createProject(team.lead);
    const crossed = await readImage(team.lead, `${imagesPath(other.id)}/${image.id}`);
    expect(crossed.status).toBe(404);
    expect(crossed.body?.error.message).toBe('No such image in this project');
    expect((await readImage(team.lead, `${imagesPath(team.project.id)}/${randomUUID()}`)).status).toBe(404);
  });

  it('refuses a malformed image id with 400 naming it', async () => {
    const read = await readImage(team.lead, `${imagesPath(team.project.id)}/not-a-uuid`);
    expect(read.status).toBe(400);
    expect(read.body?.error).toMatchObject({ code: 'VALIDATION', message: 'imageId must be a UUID' });
  });

  describe('bad uploads get a clear 4xx, store nothing, and the server keeps serving', () => {
    let before: number;
    beforeEach(async () => {
      before = await storedCount(team.project.id);
    });
    afterEach(async () => {
      expect(await storedCount(team.project.id)).toBe(before);
      expect((await team.lead.client.get('/api/health')).status).toBe(200);
      expect((await uploadImage(team.author, team.project.id, pngImage(1, 1, [randomByte(), randomByte(), randomByte()]), 'image/png')).status).toBe(201);
    });
    const randomByte = () => Math.floor(Math.random() * 256);

    it('415 for a type the PDF cannot embed, SVG above all, and for none at all', async () => {
      const svg = await uploadImage(team.author, team.project.id, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/svg+xml');
      expect(svg.status).toBe(415);
      expect(svg.body.error).toMatchObject({
        code: 'IMAGE_TYPE_UNSUPPORTED',
        message: 'Content-Type must be one of image/png, image/jpeg, image/gif, image/webp; got "image/svg+xml"',
      });
      const none = await uploadImage(team.author, team.project.id, pngImage(1, 1), null);
      expect(none.status).toBe(415);
      expect(none.body.error.message).toMatch(/^Content-Type must be one of .*; got (none|"text\/plain")/);
      const json = await team.author.client.post(imagesPath(team.project.id), { image: 'data' });
      expect(json.status).toBe(415);
    });

    it('415 for bytes whose magic number is not the declared type\'s', async () => {
      const answer = await uploadImage(team.author, team.project.id, pngImage(2, 2), 'image/jpeg');
      expect(answer.status).toBe(415);
      expect(answer.body.error).toMatchObject({
        code: 'IMAGE_TYPE_UNSUPPORTED',
        message: 'The bytes are not of type image/jpeg: their magic number does not match the Content-Type',
      });
    });

    it('400 for an empty body', async () => {
      const answer = await uploadImage(team.author, team.project.id, new Uint8Array(0), 'image/png');
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'IMAGE_EMPTY', message: 'The request body is empty; send the image bytes as the body' });
    });

    it('413 for a body over IMAGE_MAX_BYTES, whether its length is declared or it streams on', async () => {
      const tooBig = Buffer.concat([pngImage(1, 1), Buffer.alloc(LIMIT)]);
      const declared = await uploadImage(team.author, team.project.id, tooBig, 'image/png');
      expect(declared.status).toBe(413);
      expect(declared.body.error).toMatchObject({ code: 'IMAGE_TOO_LARGE', message: `The image is larger than the limit of ${LIMIT} bytes` });

      // Chunked, no Content-Length: the limit is found while reading.
      const chunks = [pngImage(1, 1), Buffer.alloc(LIMIT / 2), Buffer.alloc(LIMIT / 2)];
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = chunks.shift();
          if (next) {
            controller.enqueue(next);
          } else {
            controller.close();
          }
        },
      });
      const streamed = await fetch(app.origin + imagesPath(team.project.id), {
        method: 'POST',
        headers: { 'content-type': 'image/png', origin: app.origin, cookie: team.author.client.cookie ?? '' },
        body,
        duplex: 'half',
      });
      expect(streamed.status).toBe(413);
      expect(((await streamed.json()) as { error: { code: string } }).error.code).toBe('IMAGE_TOO_LARGE');
    });

    it('403 CSRF for an upload that names a foreign Origin', async () => {
      const answer = await uploadImage(team.author, team.project.id, pngImage(2, 3), 'image/png', { origin: 'https://evil.example' });
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('CSRF');
    });
  });
});
