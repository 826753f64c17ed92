import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CreatedExport, ExportJob, ExportMode } from '@kapitel/domain';
import { contentOfState, stateOfJson } from '@kapitel/editor';
import type { JSONContent } from '@tiptap/core';
import type { Person } from '../factories.js';
import { mustSucceed } from '../permission-matrix.js';
import type { TestApp } from '../test-app.js';

/** Shared by the export specs: content without a WebSocket, waiting for jobs, reading PDFs with poppler. */

const run = promisify(execFile);

// ---- ProseMirror JSON builders ------------------------------------------------------------
type Mark = string | { type: string; attrs?: Record<string, unknown> };
export const text = (value: string, ...marks: Mark[]): JSONContent => ({
  type: 'text',
  text: value,
  ...(marks.length > 0 ? { marks: marks.map((mark) => (typeof mark === 'string' ? { type: mark } : mark)) } : {}),
});
export const link = (href: string): Mark => ({ type: 'link', attrs: { href } });
export const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
export const heading = (level: number, value: string): JSONContent => ({ type: 'heading', attrs: { level }, content: [text(value)] });
export const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });
export const cell = (value: string, header = false): JSONContent => ({
  type: header ? 'tableHeader' : 'tableCell',
  content: [paragraph(text(value))],
});
export const table = (header: string[], rows: string[][]): JSONContent => ({
  type: 'table',
  content: [
    { type: 'tableRow', content: header.map((value) => cell(value, true)) },
    ...rows.map((row) => ({ type: 'tableRow', content: row.map((value) => cell(value)) })),
  ],
});

/**
 * Puts `json` into a section as its stored text (snapshot, no pending updates), as
 * compaction would have left it. Works in any review state: tests use it to change an
 * approved section behind the API's back.
 */
export async function setContent(app: TestApp, sectionId: string, json: JSONContent): Promise<void> {
  const state = stateOfJson(json);
  const content = contentOfState(state);
  await app.db.query('DELETE FROM section_updates WHERE section_id = $1', [sectionId]);
  await app.db.query(
    `INSERT INTO section_documents (section_id, state, json, text) VALUES ($1, $2, $3, $4)
     ON CONFLICT (section_id) DO UPDATE SET state = EXCLUDED.state, json = EXCLUDED.json, text = EXCLUDED.text`,
    [sectionId, Buffer.from(state), JSON.stringify(content.json), content.text],
  );
}

/** Submits and approves a section as the lead (the approval stores a version). */
export async function approve(lead: Person, projectId: string, sectionId: string): Promise<void> {
  const path = `/api/projects/${projectId}/sections/${sectionId}/transitions`;
  await mustSucceed(lead, 'post', path, { action: 'submit' });
  await mustSucceed(lead, 'post', path, { action: 'approve' });
}

// ---- Jobs ---------------------------------------------------------------------------------
export async function requestExport(person: Person, projectId: string, mode: ExportMode): Promise<string> {
  const res = await person.client.post<CreatedExport>(`/api/projects/${projectId}/exports`, { mode });
  if (res.status !== 202) {
    throw new Error(`export request failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body.id;
}

/** Polls the job until it is done or failed. */
export async function waitForExport(person: Person, projectId: string, exportId: string, timeoutMs = 120_000): Promise<ExportJob> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await person.client.get<ExportJob>(`/api/projects/${projectId}/exports/${exportId}`);
    if (res.status !== 200) {
      throw new Error(`export status failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
    if (res.body.status === 'done' || res.body.status === 'failed') {
      return res.body;
    }
    if (Date.now() > until) {
      throw new Error(`export ${exportId} still ${res.body.status} after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The file download as bytes, with its headers. */
export async function download(person: Person, projectId: string, exportId: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const response = await fetch(`${person.client.origin}/api/projects/${projectId}/exports/${exportId}/file`, {
    headers: person.client.cookie ? { cookie: person.client.cookie } : {},
  });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
}

/** Requests an export, waits for it and downloads it; fails the test when any step does. */
export async function exportPdf(person: Person, projectId: string, mode: ExportMode): Promise<Buffer> {
  const id = await requestExport(person, projectId, mode);
  const job = await waitForExport(person, projectId, id);
  if (job.status !== 'done') {
    throw new Error(`export failed: ${job.error}`);
  }
  const file = await download(person, projectId, id);
  if (file.status !== 200) {
    throw new Error(`download failed: ${file.status}`);
  }
  return file.bytes;
}

// ---- Reading PDFs with poppler ------------------------------------------------------------
/** A PDF written to a temporary file for poppler's tools. */
export class PdfFile {
  private readonly dir = mkdtempSync(join(tmpdir(), 'kapitel-export-'));
  readonly path = join(this.dir, 'report.pdf');

  constructor(readonly bytes: Buffer) {
    writeFileSync(this.path, bytes);
  }

  /** `layout` (default) keeps the columns; `raw` keeps content-stream order (rotated text stays whole). */
  async text(options: { layout?: boolean; raw?: boolean; page?: number } = {}): Promise<string> {
    const mode = options.raw ? ['-raw'] : options.layout === false ? [] : ['-layout'];
    const args = [...mode, '-enc', 'UTF-8'];
    if (options.page !== undefined) {
      args.push('-f', String(options.page), '-l', String(options.page));
    }
    const { stdout } = await run('pdftotext', [...args, this.path, '-'], { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  }

  async pages(): Promise<number> {
    const { stdout } = await run('pdfinfo', [this.path]);
    return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
  }

  async fonts(): Promise<string[]> {
    const { stdout } = await run('pdffonts', [this.path]);
    return stdout.split('\n').slice(2).filter((line) => line.trim() !== '');
  }

  /** Renders pages to test-results/export-<name>-<page>.png for a person to look at. */
  async renderPages(name: string, first: number, last: number): Promise<void> {
    const out = join(process.cwd(), 'test-results');
    mkdirSync(out, { recursive: true });
    await run('pdftoppm', ['-png', '-r', '60', '-f', String(first), '-l', String(last), this.path, join(out, `export-${name}`)]);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Extracted text made comparable with what was typed: invisible break opportunities and
 * hyphenation at line ends removed, smart quotes back to straight ones, whitespace collapsed.
 */
export function comparable(value: string): string {
  return value
    .replace(/\u00AD\s*/g, '')
    .replace(/[\u200B\u200E\u200F\u2060]/g, '')
    .replace(/[„“”]/g, '"')
    .replace(/[‚‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The physical page (1-based) of each printed page number, from the footers "Seite X von Y". */
export async function physicalPages(pdf: PdfFile, words: { page: string; of: string }): Promise<Map<number, number>> {
  const found = new Map<number, number>();
  const pattern = new RegExp(`${words.page} (\\d+) ${words.of} (\\d+)`);
  for (let page = 1; page <= (await pdf.pages()); page += 1) {
    const match = pattern.exec(await pdf.text({ page }));
    if (match) {
      found.set(Number(match[1]), page);
    }
  }
  return found;
}

/** An entry of a front-matter list (figures, tables): "<word> N: caption . . . P". */
export interface ListEntry {
  number: number;
  caption: string;
  page: number;
}

/** The entries of a list page, wrapped lines joined (nothing else there has dot leaders). */
export async function entriesOf(pdf: PdfFile, page: number, word: string): Promise<ListEntry[]> {
  const body = comparable(await pdf.text({ page, layout: false }));
  const pattern = new RegExp(`${word} (\\d+): (.+?)(?: \\.)+ (\\d+)(?= |$)`, 'g');
  return [...body.matchAll(pattern)].map((match) => ({ number: Number(match[1]), caption: match[2], page: Number(match[3]) }));
}
