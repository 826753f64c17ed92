import type { StoredDocument } from '@kapitel/collab';
import { contentOfState, jsonOfState, type SectionContent } from '@kapitel/editor';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { ContentRenderer } from './content-renderer.js';

type JSONContent = SectionContent['json'];

/** An empty document, stored when a state cannot be rendered: the state itself is kept. */
const EMPTY_CONTENT: SectionContent = { json: { type: 'doc', content: [{ type: 'paragraph' }] }, html: '<p></p>', text: '' };

/** The stored text of sections: snapshot, update log and versions. */
@Injectable()
export class DocumentRepository {
  private readonly logger = new Logger(DocumentRepository.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly renderer: ContentRenderer,
  ) {}

  /**
   * Snapshot and log read in one snapshot of the database, so that a compaction
   * committing in between cannot make rows vanish from both.
   */
  load(sectionId: string): Promise<StoredDocument> {
    return this.db.transaction('REPEATABLE READ', (em) => this.read(sectionId, em));
  }

  private async read(sectionId: string, em: EntityManager): Promise<StoredDocument> {
    const state = await this.snapshotState(sectionId, em);
    const updates = await em.query<Array<{ id: string; data: Buffer }>>(
      'SELECT id::text AS id, data FROM section_updates WHERE section_id = $1 ORDER BY id',
      [sectionId],
    );
    return {
      state: state ? new Uint8Array(state) : null,
      updates: updates.map((row) => ({ id: row.id, update: new Uint8Array(row.data) })),
    };
  }

  /**
   * Folds log rows into the snapshot. The stored snapshot is merged with the given state
   * (another process may have compacted more), so nothing a snapshot held is ever lost.
   * Merge and render run in the content thread before the transaction: waiting for them
   * inside it held the section row (a transition waited) and a connection of the shared
   * pool (rooms unloading together could take them all). When the snapshot changed
   * meanwhile, the transaction merges with the new one and renders again (rare: another
   * process compacted). When the thread fails, so does the compaction, and the log rows
   * stay for a later try.
   */
  async compact(sectionId: string, state: Uint8Array, logIds: readonly string[]): Promise<void> {
    const before = await this.db.query<Array<{ state: Buffer; version: string }>>(
      'SELECT state, xmin::text AS version FROM section_documents WHERE section_id = $1',
      [sectionId],
    );
    const ahead = await this.renderStored(sectionId, before[0]?.state ?? null, state);
    await this.db.transaction(async (em) => {
      const section = await em.query<Array<{ id: string }>>('SELECT id FROM sections WHERE id = $1 FOR SHARE', [sectionId]);
      if (section.length === 0) {
        // The section was deleted with its project while its room was open: there is nothing
        // to keep, and writing a snapshot would only fail on its foreign key.
        return;
      }
      // The row's version (xmin: every update writes a new one), not its bytes: the snapshot
      // can be megabytes, and it is read again only when it changed.
      const now = await em.query<Array<{ version: string }>>(
        'SELECT xmin::text AS version FROM section_documents WHERE section_id = $1 FOR UPDATE',
        [sectionId],
      );
      const unchanged = now[0]?.version === before[0]?.version;
      const { merged, content } = unchanged ? ahead : await this.renderStored(sectionId, await this.snapshotState(sectionId, em), state);
      await em.query(
        `INSERT INTO section_documents (section_id, state, json, text, updated_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (section_id) DO UPDATE SET state = EXCLUDED.state, json = EXCLUDED.json, text = EXCLUDED.text, updated_at = now()`,
        [sectionId, Buffer.from(merged), JSON.stringify(content.json), content.text],
      );
      await em.query('DELETE FROM section_updates WHERE section_id = $1 AND id = ANY($2::bigint[])', [sectionId, logIds]);
    });
  }

  private async snapshotState(sectionId: string, em: EntityManager): Promise<Buffer | null> {
    const rows = await em.query<Array<{ state: Buffer }>>('SELECT state FROM section_documents WHERE section_id = $1', [sectionId]);
    return rows[0]?.state ?? null;
  }

  /** The whole current state of a section (snapshot plus log) as one update. */
  async currentState(sectionId: string, em?: EntityManager): Promise<Uint8Array> {
    const stored = em ? await this.read(sectionId, em) : await this.load(sectionId);
    return mergedState(stored.state, stored.updates.map((row) => row.update));
  }

  /**
   * The latest approval version of each of the sections that have one: its JSON and when it
   * was made (what a final export prints, and the reading view's approved text).
   */
  async approvedJson(sectionIds: readonly string[]): Promise<Map<string, { json: JSONContent; at: string }>> {
    const rows = await this.db.query<Array<{ section_id: string; json: JSONContent; created_at: Date }>>(
      `SELECT DISTINCT ON (section_id) section_id, json, created_at FROM section_versions
        WHERE section_id = ANY($1::uuid[]) AND kind = 'approval'
        ORDER BY section_id, created_at DESC, id DESC`,
      [sectionIds],
    );
    return new Map(rows.map((row) => [row.section_id, { json: row.json, at: row.created_at.toISOString() }]));
  }

  /**
   * The current ProseMirror JSON of many sections (an export), read in one database
   * snapshot with two queries. A section whose log is empty (the usual case once its room
   * unloaded) takes the JSON stored with its snapshot, rendered when it was compacted;
   * only the others are rendered from Yjs, one at a time with the event loop let go in
   * between, so that live editing does not wait behind a long report.
   */
  async currentJson(sectionIds: readonly string[], onEach: (done: number) => void = () => undefined): Promise<Map<string, JSONContent>> {
    const { snapshots, updates } = await this.db.transaction('REPEATABLE READ', async (em) => {
      const logRows = await em.query<Array<{ section_id: string; data: Buffer }>>(
        'SELECT section_id, data FROM section_updates WHERE section_id = ANY($1::uuid[]) ORDER BY section_id, id',
        [sectionIds],
      );
      const withLog = [...new Set(logRows.map((row) => row.section_id))];
      const snapshotRows = await em.query<Array<{ section_id: string; json: JSONContent | null; state: Buffer | null }>>(
        `SELECT section_id, json, CASE WHEN section_id = ANY($2::uuid[]) THEN state END AS state
           FROM section_documents WHERE section_id = ANY($1::uuid[])`,
        [sectionIds, withLog],
      );
      return { snapshots: new Map(snapshotRows.map((row) => [row.section_id, row])), updates: logRows };
    });
    const logOf = new Map<string, Uint8Array[]>();
    for (const row of updates) {
      logOf.set(row.section_id, [...(logOf.get(row.section_id) ?? []), new Uint8Array(row.data)]);
    }
    const result = new Map<string, JSONContent>();
    for (const [index, sectionId] of sectionIds.entries()) {
      const snapshot = snapshots.get(sectionId);
      const log = logOf.get(sectionId);
      if (!log && snapshot?.json) {
        result.set(sectionId, snapshot.json);
      } else {
        await new Promise((resolve) => setImmediate(resolve));
        const state = mergedState(snapshot?.state ?? null, log ?? []);
        result.set(sectionId, this.renderJson(sectionId, state));
      }
      onEach(index + 1);
    }
    return result;
  }

  /** The current text of a section in the API's three forms. */
  async content(sectionId: string): Promise<SectionContent> {
    return this.render(sectionId, await this.currentState(sectionId));
  }

  /** Stores the current content as a version, inside the caller's transaction. */
  async createVersion(
    sectionId: string,
    version: { kind: 'approval' | 'named'; label: string | null; createdBy: string; restoredFrom?: string },
    em: EntityManager,
  ): Promise<string> {
    const state = await this.currentState(sectionId, em);
    const { content } = await this.renderStored(sectionId, null, state);
    const rows = await em.query<Array<{ id: string }>>(
      `INSERT INTO section_versions (section_id, kind, label, state, json, text, created_by, restored_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        sectionId, version.kind, version.label, Buffer.from(state), JSON.stringify(content.json), content.text,
        version.createdBy, version.restoredFrom ?? null,
      ],
    );
    return (rows[0]).id;
  }

  /** The versions of a section, newest first, with their creators' names (null when the account is gone). */
  async listVersions(sectionId: string): Promise<VersionRow[]> {
    const rows = await this.db.query<RawVersionRow[]>(
      `${VERSION_SELECT} WHERE v.section_id = $1 ORDER BY v.created_at DESC, v.id DESC`,
      [sectionId],
    );
    return rows.map(toVersionRow);
  }

  /** One version of a section, or null when it is absent or belongs to another section. */
  async findVersion(sectionId: string, versionId: string, em?: EntityManager): Promise<VersionRow | null> {
    const rows = await (em ?? this.db.manager).query<RawVersionRow[]>(
      `${VERSION_SELECT} WHERE v.section_id = $1 AND v.id = $2`,
      [sectionId, versionId],
    );
    return rows[0] ? toVersionRow(rows[0]) : null;
  }

  /** The same with the version's Yjs state (what its content is rendered from), in the same query. */
  async findVersionWithState(sectionId: string, versionId: string, em?: EntityManager): Promise<StoredVersion | null> {
    const rows = await (em ?? this.db.manager).query<Array<RawVersionRow & { state: Buffer }>>(
      `SELECT ${VERSION_COLUMNS}, v.state ${VERSION_FROM} WHERE v.section_id = $1 AND v.id = $2`,
      [sectionId, versionId],
    );
    return rows[0] ? { ...toVersionRow(rows[0]), state: new Uint8Array(rows[0].state) } : null;
  }

  /** A version's text in the API's three forms, rendered from its state as the current text is. */
  versionContent(sectionId: string, state: Uint8Array): SectionContent {
    return this.render(sectionId, state);
  }

  private renderJson(sectionId: string, state: Uint8Array): JSONContent {
    try {
      return jsonOfState(state);
    } catch (error) {
      this.logger.error({ err: error, sectionId }, 'A section state does not fit the editor schema; exported as empty');
      return EMPTY_CONTENT.json;
    }
  }

  /**
   * A state merged into `previous` (when given) with its JSON and text, as snapshots and
   * versions store them, computed in the content thread (see `render`). Rejects when the
   * thread fails.
   */
  private async renderStored(
    sectionId: string,
    previous: Uint8Array | null,
    state: Uint8Array,
  ): Promise<{ merged: Uint8Array; content: Pick<SectionContent, 'json' | 'text'> }> {
    const { merged, content, renderError } = await this.renderer.mergeAndRender(previous, state);
    if (content) {
      return { merged, content };
    }
    this.logger.error({ err: new Error(renderError), sectionId }, 'A section state does not fit the editor schema; stored with empty JSON');
    return { merged, content: EMPTY_CONTENT };
  }

  /** JSON, HTML and text of a state; an empty document (and an error in the log) when it cannot be rendered. */
  private render(sectionId: string, state: Uint8Array): SectionContent {
    try {
      return contentOfState(state);
    } catch (error) {
      this.logger.error({ err: error, sectionId }, 'A section state does not fit the editor schema; stored with empty JSON');
      return EMPTY_CONTENT;
    }
  }
}

/** A version as listed: no content. */
export interface VersionRow {
  id: string;
  sectionId: string;
  kind: 'approval' | 'named';
  label: string | null;
  createdAt: Date;
  createdBy: string | null;
  createdByName: string | null;
  /** The version a restore made current again, on the version kept just before it. */
  restoredFrom: { id: string; kind: 'approval' | 'named'; label: string | null; createdAt: Date } | null;
}

/** A version with its stored Yjs state. */
export interface StoredVersion extends VersionRow {
  state: Uint8Array;
}

interface RawVersionRow {
  id: string;
  section_id: string;
  kind: 'approval' | 'named';
  label: string | null;
  created_at: Date;
  created_by: string | null;
  created_by_name: string | null;
  restored_from_id: string | null;
  restored_from_kind: 'approval' | 'named' | null;
  restored_from_label: string | null;
  restored_from_created_at: Date | null;
}

const VERSION_COLUMNS = `v.id, v.section_id, v.kind, v.label, v.created_at, v.created_by, u.name AS created_by_name,
  r.id AS restored_from_id, r.kind AS restored_from_kind, r.label AS restored_from_label, r.created_at AS restored_from_created_at`;
const VERSION_FROM = `FROM section_versions v LEFT JOIN users u ON u.id = v.created_by
  LEFT JOIN section_versions r ON r.id = v.restored_from`;
const VERSION_SELECT = `SELECT ${VERSION_COLUMNS} ${VERSION_FROM}`;

function toVersionRow(row: RawVersionRow): VersionRow {
  return {
    id: row.id,
    sectionId: row.section_id,
    kind: row.kind,
    label: row.label,
    createdAt: row.created_at,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    restoredFrom: restoredFromOf(row),
  };
}

/** The restored version's own fields, read through the LEFT JOIN (all null when there is none). */
function restoredFromOf(row: RawVersionRow): VersionRow['restoredFrom'] {
  const { restored_from_id: id, restored_from_kind: kind, restored_from_created_at: createdAt } = row;
  return id !== null && kind !== null && createdAt !== null ? { id, kind, label: row.restored_from_label, createdAt } : null;
}

/** A snapshot and the log rows after it as one update (applied in a document, never merged update by update). */
function mergedState(state: Uint8Array | null, log: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    doc.transact(() => {
      if (state) {
        Y.applyUpdate(doc, state);
      }
      for (const update of log) {
        Y.applyUpdate(doc, update);
      }
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
