import { SEARCH_LIMITS, type ErrorBody, type Project, type SearchResponse } from '@kapitel/domain';
import { connectCollab, eventually, synced, type CollabClient } from '../collab-client.js';
import { createParticipant, createProject, createSection, registerUser, type Person } from '../factories.js';
import { HttpClient } from '../http-client.js';
import { mustSucceed } from '../permission-matrix.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { doc, heading, paragraph, setContent, text } from './export-support.js';

/**
 * Full-text search through a project's report (docs/search.md): every member finds the
 * sections whose title or current text contains the query, case and accents aside, in
 * outline order, with snippets of plain text around the matches.
 */
describe('search in a report', () => {
  let app: TestApp;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterEach(() => {
    clients.splice(0).forEach((client) => client.destroy());
  });
  afterAll(async () => {
    await app.close();
  });

  async function setUp(): Promise<{ lead: Person; project: Project }> {
    const lead = await registerUser(app, { name: 'Lea Lead' });
    return { lead, project: await createProject(lead) };
  }

  /** A section with one paragraph of stored text (as compaction leaves it). */
  async function sectionWith(lead: Person, projectId: string, title: string, body: string, parentId?: string) {
    const section = await createSection(lead, projectId, { title, ...(parentId ? { parentId } : {}) });
    await setContent(app, section.id, doc(paragraph(text(body))));
    return section;
  }

  function searchPath(projectId: string, q: string): string {
    return `/api/projects/${projectId}/search?${new URLSearchParams({ q }).toString()}`;
  }

  async function search(person: Person, projectId: string, q: string): Promise<SearchResponse> {
    const res = await person.client.get<SearchResponse>(searchPath(projectId, q));
    expect(res.status).toBe(200);
    return res.body;
  }

  /** The titles of the sections found, in the answer's order. */
  async function titlesFound(person: Person, projectId: string, q: string): Promise<string[]> {
    return (await search(person, projectId, q)).results.map((result) => result.title);
  }

  it('finds the query in section texts and titles and answers with number, title, state, hits and snippets', async () => {
    const { lead, project } = await setUp();
    const plan = await sectionWith(lead, project.id, 'Mobilität', 'Der Radverkehr wächst. Mehr Radverkehr braucht Wege.');
    const titled = await sectionWith(lead, project.id, 'Radverkehr in Zahlen', 'Tabellen folgen.');
    await sectionWith(lead, project.id, 'Haushalt', 'Nichts davon.');

    expect(await search(lead, project.id, 'Radverkehr')).toEqual({
      query: 'Radverkehr',
      ignored: [],
      total: 2,
      totalHits: 3,
      results: [
        {
          sectionId: plan.id,
          number: '1',
          title: 'Mobilität',
          state: 'draft',
          hits: 2,
          snippets: [{ before: 'Der ', match: 'Radverkehr', after: ' wächst. Mehr Radverkehr braucht Wege.' }],
        },
        { sectionId: titled.id, number: '2', title: 'Radverkehr in Zahlen', state: 'draft', hits: 1, snippets: [] },
      ],
      commentTotal: 0,
      comments: [],
    });
  });

  it('ignores case and white space around the query, and shows the match as the text writes it', async () => {
    const { lead, project } = await setUp();
    await sectionWith(lead, project.id, 'Verkehr', 'Im RADVERKEHR liegt viel.');
    const found = await search(lead, project.id, '   radVerkehr  ');
    expect(found.query).toBe('radVerkehr');
    expect(found.results[0]?.snippets[0]?.match).toBe('RADVERKEHR');
  });

  it('finds umlauts in either case, words written without their accents, and ß as ss', async () => {
    const { lead, project } = await setUp();
    await sectionWith(lead, project.id, 'Übergänge', 'Die Übergangsfrist endet.');
    await sectionWith(lead, project.id, 'Städte', 'In München und an der Hauptstraße.');
    expect(await titlesFound(lead, project.id, 'ÜBERGANG')).toEqual(['Übergänge']);
    expect(await titlesFound(lead, project.id, 'übergangsfrist')).toEqual(['Übergänge']);
    expect(await titlesFound(lead, project.id, 'Munchen')).toEqual(['Städte']);
    expect(await titlesFound(lead, project.id, 'STÄDTE')).toEqual(['Städte']);
    const street = await search(lead, project.id, 'hauptstrasse');
    expect(street.results[0]?.snippets[0]?.match).toBe('Hauptstraße');
  });

  it('finds ä, ö, ü written as ae, oe, ue and the other way round, snippets in the text’s own spelling, without turning ue into u', async () => {
    const { lead, project } = await setUp();
    const umlauts = await sectionWith(lead, project.id, 'Ärztekammer Köln', 'Vorsitz: Dr. Müller. Die Ärzte in Köln tagen.');
    const spelled = await sectionWith(lead, project.id, 'Aerztekammer Koeln', 'Kontakt: mueller@example.org und die neue Steuer.');
    await sectionWith(lead, project.id, 'Baurecht', 'Der Neubau und das Baurecht.');

    const mueller = await search(lead, project.id, 'Mueller');
    expect(mueller.results.map((result) => [result.sectionId, result.snippets.map((snippet) => snippet.match)])).toEqual([
      [umlauts.id, ['Müller']],
      [spelled.id, ['mueller']],
    ]);
    expect((await search(lead, project.id, 'Müller')).totalHits).toBe(2);
    expect(await titlesFound(lead, project.id, 'Koeln')).toEqual(['Ärztekammer Köln', 'Aerztekammer Koeln']);
    const doctors = await search(lead, project.id, 'Aerzte');
    expect(doctors.results[0]?.snippets[0]).toEqual({ before: 'Vorsitz: Dr. Müller. Die ', match: 'Ärzte', after: ' in Köln tagen.' });
    // Found as before: the umlaut without its dots.
    expect(await titlesFound(lead, project.id, 'Muller')).toEqual(['Ärztekammer Köln']);
    // "ue" stays two letters in ordinary words: "neue" does not find "Neubau", "Bauer" not "Baurecht".
    expect(await titlesFound(lead, project.id, 'neue')).toEqual(['Aerztekammer Koeln']);
    expect(await titlesFound(lead, project.id, 'Bauer')).toEqual([]);
  });

  it('finds a section when each word of the query is in its title or text, in any order and place', async () => {
    const { lead, project } = await setUp();
    const survey = await sectionWith(lead, project.id, 'Ergebnisse', 'Die Umfrage Digitalisierung 2026 zeigt viel.');
    const both = await sectionWith(lead, project.id, 'Reutlingen', 'Die Strecke nach Ulm wird ausgebaut.');
    await sectionWith(lead, project.id, 'Nur Reutlingen', 'Die Strecke nach Tübingen.');
    await sectionWith(lead, project.id, 'Nur die Umfrage', 'Die Umfrage 2025 ist vorbei.');

    // The audit's queries: every word is in the text, though not side by side.
    const found = await search(lead, project.id, 'Umfrage 2026');
    expect(found.results).toEqual([
      expect.objectContaining({
        sectionId: survey.id,
        hits: 2,
        // The first match's snippet, with the other word in its context (marked there by the web).
        snippets: [{ before: 'Die ', match: 'Umfrage', after: ' Digitalisierung 2026 zeigt viel.' }],
      }),
    ]);
    expect(await titlesFound(lead, project.id, '2026 UMFRAGE')).toEqual(['Ergebnisse']);
    // One word in the title, the other in the text.
    const towns = await search(lead, project.id, 'Reutlingen Ulm');
    expect(towns.results.map((result) => [result.sectionId, result.hits, result.snippets.map((snippet) => snippet.match)])).toEqual([
      [both.id, 2, ['Ulm']],
    ]);
    expect([towns.total, towns.totalHits]).toEqual([1, 2]);
    // A section lacking one of the words is not found; each word is still a substring.
    expect(await titlesFound(lead, project.id, 'Reutlingen Ulm Bahnhof')).toEqual([]);
    expect(await titlesFound(lead, project.id, 'reut strecke')).toEqual(['Reutlingen', 'Nur Reutlingen']);
  });

  it('keeps words in quotes together as a phrase that must stand as it is, in all three kinds of quotes', async () => {
    const { lead, project } = await setUp();
    await sectionWith(lead, project.id, 'Ergebnisse', 'Die Umfrage Digitalisierung 2026 zeigt viel.');
    const phrase = await sectionWith(lead, project.id, 'Rückblick', 'Die Umfrage 2026 und eine Umfrage im Herbst.');
    for (const quoted of ['„Umfrage 2026“', '"Umfrage 2026"', '»Umfrage 2026«']) {
      const found = await search(lead, project.id, quoted);
      expect([found.query, found.results.map((result) => [result.sectionId, result.hits])]).toEqual([quoted, [[phrase.id, 1]]]);
      expect(found.results[0]?.snippets[0]?.match).toBe('Umfrage 2026');
    }
    // A phrase and a word: both must be there; every occurrence of either counts.
    const mixed = await search(lead, project.id, '"Umfrage Digitalisierung" 2026');
    expect(mixed.results.map((result) => [result.title, result.hits])).toEqual([['Ergebnisse', 2]]);
    // The longer of two terms that match at one place is the match, no second one inside it;
    // and the phrase must be there, so "Ergebnisse" with the word alone is not found.
    expect((await search(lead, project.id, 'Umfrage „Umfrage 2026“')).results.map((result) => [result.title, result.hits])).toEqual([
      ['Rückblick', 2],
    ]);
    // An unclosed quote is no phrase: the words are searched each on its own.
    expect(await titlesFound(lead, project.id, '„Umfrage 2026')).toEqual(['Ergebnisse', 'Rückblick']);
  });

  it('leaves words of one character out of the search and names them in the answer', async () => {
    const { lead, project } = await setUp();
    await sectionWith(lead, project.id, 'Anlage 1', 'Tabellen.');
    await sectionWith(lead, project.id, 'Anlage 3', 'Karten.');
    const found = await search(lead, project.id, 'Anlage 3 &');
    expect([found.ignored, found.results.map((result) => [result.title, result.hits])]).toEqual([
      ['3', '&'],
      [
        ['Anlage 1', 1],
        ['Anlage 3', 1],
      ],
    ]);
    // In quotes with its neighbour, the character counts.
    expect(await titlesFound(lead, project.id, '„Anlage 3“')).toEqual(['Anlage 3']);
  });

  it('takes % and _ in the query literally, not as wildcards', async () => {
    const { lead, project } = await setUp();
    await sectionWith(lead, project.id, 'Anteil', 'Auf 50% der Fläche.');
    await sectionWith(lead, project.id, 'Anteil ohne Zeichen', 'Auf 500 der Fläche, 50 Prozent.');
    await sectionWith(lead, project.id, 'Unterstrich', 'Die Datei heißt plan_2026.');
    await sectionWith(lead, project.id, 'Ohne Unterstrich', 'Der plan 2026 und planX2026.');
    expect(await titlesFound(lead, project.id, '50%')).toEqual(['Anteil']);
    expect(await titlesFound(lead, project.id, 'plan_2026')).toEqual(['Unterstrich']);
    expect(await titlesFound(lead, project.id, '%%')).toEqual([]);
    expect(await titlesFound(lead, project.id, '__')).toEqual([]);
  });

  it('leaves sections in the trash out, with everything deleted with them', async () => {
    const { lead, project } = await setUp();
    await sectionWith(lead, project.id, 'Bleibt', 'Ein Windpark im Norden.');
    const gone = await sectionWith(lead, project.id, 'Geht', 'Ein Windpark im Süden.');
    await sectionWith(lead, project.id, 'Unter dem Gelöschten', 'Noch ein Windpark.', gone.id);
    await mustSucceed(lead, 'delete', `/api/projects/${project.id}/sections/${gone.id}`);

    const found = await search(lead, project.id, 'windpark');
    expect(found.results.map((result) => result.title)).toEqual(['Bleibt']);
    expect(found.total).toBe(1);
  });

  it('lists the sections in outline order with their current numbers, unnumbered ones with null', async () => {
    const { lead, project } = await setUp();
    const second = await sectionWith(lead, project.id, 'Zweites Kapitel', 'Thema Wasser.');
    const first = await createSection(lead, project.id, { title: 'Erstes Kapitel', position: 0 });
    await setContent(app, first.id, doc(heading(2, 'Wasser'), paragraph(text('Mehr Wasser.'))));
    await sectionWith(lead, project.id, 'Unterabschnitt zu Wasser', 'Text.', first.id);
    const annex = await createSection(lead, project.id, { title: 'Anhang Wasserwerte', numbered: false });
    await mustSucceed(lead, 'post', `/api/projects/${project.id}/sections/${second.id}/move`, { parentId: null, position: 2 });

    const found = await search(lead, project.id, 'wasser');
    expect(found.results.map((result) => [result.number, result.title, result.hits])).toEqual([
      ['1', 'Erstes Kapitel', 2],
      ['1.1', 'Unterabschnitt zu Wasser', 1],
      [null, 'Anhang Wasserwerte', 1],
      ['2', 'Zweites Kapitel', 1],
    ]);
    expect(found.results[2]?.sectionId).toBe(annex.id);
  });

  it('cuts snippets at about 60 characters on each side, at word boundaries, marking cuts with an ellipsis', async () => {
    const { lead, project } = await setUp();
    const words = Array.from({ length: 30 }, (_, index) => `Wort${String(index).padStart(2, '0')}`);
    await sectionWith(lead, project.id, 'Lang', [...words.slice(0, 15), 'Klärwerk', ...words.slice(15)].join(' '));

    const [snippet] = (await search(lead, project.id, 'klärwerk')).results[0]?.snippets ?? [];
    expect(snippet).toEqual({
      before: '…Wort07 Wort08 Wort09 Wort10 Wort11 Wort12 Wort13 Wort14 ',
      match: 'Klärwerk',
      after: ' Wort15 Wort16 Wort17 Wort18 Wort19 Wort20 Wort21 Wort22…',
    });
  });

  it('writes snippets as plain text: the text of formatted and HTML-looking passages, blocks on one line', async () => {
    const { lead, project } = await setUp();
    const section = await createSection(lead, project.id, { title: 'Formatiert' });
    await setContent(app, section.id, doc(paragraph(text('Ein ')), paragraph(text('fetter', 'bold'), text(' Satz mit <b>Zeichen</b> & mehr.'))));
    const [snippet] = (await search(lead, project.id, 'fetter')).results[0]?.snippets ?? [];
    expect(snippet).toEqual({ before: 'Ein ', match: 'fetter', after: ' Satz mit <b>Zeichen</b> & mehr.' });
  });

  it('counts every match but shows at most three snippets per section', async () => {
    const { lead, project } = await setUp();
    const filler = 'und dann geht es weiter mit ganz anderen Dingen, die hier nichts zur Sache tun. ';
    await sectionWith(lead, project.id, 'Viele', Array.from({ length: 5 }, (_, index) => `Treffer ${index + 1}, ${filler}`).join(''));
    const [result] = (await search(lead, project.id, 'treffer')).results;
    expect(result?.hits).toBe(5);
    expect(result?.snippets.map((snippet) => snippet.after.slice(0, 3))).toEqual([' 1,', ' 2,', ' 3,']);
  });

  it('answers with the first 50 matching sections and counts all of them', async () => {
    const { lead, project } = await setUp();
    for (let index = 1; index <= SEARCH_LIMITS.maxResults + 5; index += 1) {
      await createSection(lead, project.id, { title: `Ortsteil ${index}` });
    }
    const found = await search(lead, project.id, 'ortsteil');
    expect(found.total).toBe(55);
    expect(found.totalHits).toBe(55);
    expect(found.results).toHaveLength(50);
    expect(found.results.at(-1)?.title).toBe('Ortsteil 50');
  });

  it('finds text typed live whose edits are not compacted into the stored text yet', async () => {
    const { lead, project } = await setUp();
    const section = await sectionWith(lead, project.id, 'Live', 'Gespeicherter Anfang.');
    const client = connectCollab(app.origin, lead, section.id);
    clients.push(client);
    await synced(client);
    client.type('Lastenräder für alle. ', 0);
    await eventually(async () => {
      const log = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM section_updates WHERE section_id = $1', [section.id]);
      return (log.rows[0]?.n ?? 0) > 0;
    }, 'the edit to be stored in the update log');
    const stored = await app.db.query<{ text: string }>('SELECT text FROM section_documents WHERE section_id = $1', [section.id]);
    expect(stored.rows[0]?.text).toBe('Gespeicherter Anfang.');

    const found = await search(lead, project.id, 'lastenräder');
    expect(found.results).toEqual([
      expect.objectContaining({
        sectionId: section.id,
        snippets: [{ before: '', match: 'Lastenräder', after: ' für alle. Gespeicherter Anfang.' }],
      }),
    ]);
  });

  it.each([
    ['one character', 'a', 'q must be at least 2 characters long'],
    ['one character between spaces', '   a   ', 'q must be at least 2 characters long'],
    ['201 characters', 'x'.repeat(201), 'q must be at most 200 characters long'],
    ['only soft hyphens', '\u00AD\u00AD', 'q must contain a word to look for (not only quotes or invisible characters)'],
    ['only empty quotes', '„“ ""', 'q must contain a word to look for (not only quotes or invisible characters)'],
    ['only one-character words', 'a "b" 3', 'q must contain a word of at least 2 characters; "a", "b", "3" are too short'],
    [
      '11 words',
      'eins zwei drei vier fünf sechs sieben acht neun zehn elf',
      'q must have at most 10 words (a phrase in quotes counts as one); it has 11',
    ],
  ])('refuses a query of %s with 400 VALIDATION naming q', async (_case, q, message) => {
    const { lead, project } = await setUp();
    const res = await lead.client.get<ErrorBody>(searchPath(project.id, q));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.details).toEqual([{ field: 'q', message }]);
  });

  it.each([
    ['missing', ''],
    ['given twice', '?q=Wasser&q=Luft'],
  ])('refuses a query that is %s, naming q', async (_case, queryString) => {
    const { lead, project } = await setUp();
    const res = await lead.client.get<ErrorBody>(`/api/projects/${project.id}/search${queryString}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details?.map((detail) => detail.field)).toEqual(['q']);
  });

  it('lets a reader search, hides the project from non-members (404) and asks anonymous callers to sign in (401)', async () => {
    const { lead, project } = await setUp();
    await sectionWith(lead, project.id, 'Öffentlich', 'Ein Spielplatz.');
    const reader = await createParticipant(app, lead, project.id, 'reader');
    const outsider = await registerUser(app);

    expect(await titlesFound(reader, project.id, 'spielplatz')).toEqual(['Öffentlich']);
    const refused = await outsider.client.get<ErrorBody>(searchPath(project.id, 'spielplatz'));
    expect([refused.status, refused.body.error.code]).toEqual([404, 'NOT_FOUND']);
    const anonymous = await new HttpClient(app.origin).get<ErrorBody>(searchPath(project.id, 'spielplatz'));
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});
