import type { SourceInput } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { countOf, holdProject, lockAdditions, mustHave } from '../../common/project-lists.js';

/** A source as the service uses it. */
export interface SourceRow extends SourceInput {
  id: string;
  projectId: string;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string | null;
}

interface RawSource extends SourceInput {
  id: string;
  project_id: string;
  created_at: Date;
  updated_at: Date;
  created_by: string | null;
}

const COLUMNS = 'id, project_id, authors, title, year, publication, url, accessed, created_at, updated_at, created_by';

function toRow(raw: RawSource): SourceRow {
  return {
    id: raw.id,
    projectId: raw.project_id,
    authors: raw.authors,
    title: raw.title,
    year: raw.year,
    publication: raw.publication,
    url: raw.url,
    accessed: raw.accessed,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
    createdBy: raw.created_by,
  };
}

/** The fields in the order of the INSERT's and UPDATE's parameters from $3 on. */
function fieldValues(fields: SourceInput): string[] {
  return [fields.authors, fields.title, fields.year, fields.publication, fields.url, fields.accessed];
}

/** The only code touching `project_sources`; every query is scoped by project. */
@Injectable()
export class SourceRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every source of the project, in no particular order (the service sorts). */
  async list(projectId: string, em?: EntityManager): Promise<SourceRow[]> {
    const rows = await (em ?? this.db.manager).query<RawSource[]>(`SELECT ${COLUMNS} FROM project_sources WHERE project_id = $1`, [
      projectId,
    ]);
    return rows.map(toRow);
  }

  /**
   * A source of the project; null when absent. Given a transaction (`em`), locked for a change
   * until it ends; without, a plain read (the checks before a change's transaction).
   */
  async find(projectId: string, sourceId: string, em?: EntityManager): Promise<SourceRow | null> {
    const rows = await (em ?? this.db.manager).query<RawSource[]>(
      `SELECT ${COLUMNS} FROM project_sources WHERE project_id = $1 AND id = $2${em ? ' FOR UPDATE' : ''}`,
      [projectId, sourceId],
    );
    const row = rows[0];
    return row ? toRow(row) : null;
  }

  async count(projectId: string, em: EntityManager): Promise<number> {
    return countOf('project_sources', projectId, em);
  }

  /** Serialises the additions to the project's list until the transaction ends (common/project-lists.ts). */
  async lockAdditions(projectId: string, em: EntityManager): Promise<void> {
    await lockAdditions('project_sources', projectId, em);
  }

  /** Holds the project row against its deletion until the transaction ends (common/project-lists.ts). */
  async holdProject(projectId: string, em: EntityManager): Promise<void> {
    await holdProject(projectId, em);
  }

  async insert(projectId: string, fields: SourceInput, createdBy: string, em: EntityManager): Promise<SourceRow> {
    const rows = await em.query<RawSource[]>(
      `INSERT INTO project_sources (project_id, created_by, authors, title, year, publication, url, accessed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [projectId, createdBy, ...fieldValues(fields)],
    );
    return toRow(mustHave(rows[0], 'INSERT INTO project_sources'));
  }

  /** Sets every field of a source of the project. */
  async update(projectId: string, sourceId: string, fields: SourceInput, em: EntityManager): Promise<SourceRow> {
    // Inside a CTE: TypeORM answers a bare UPDATE with [rows, count], a SELECT with its rows.
    const rows = await em.query<RawSource[]>(
      `WITH changed AS (
         UPDATE project_sources
            SET authors = $3, title = $4, year = $5, publication = $6, url = $7, accessed = $8, updated_at = now()
          WHERE project_id = $1 AND id = $2 RETURNING ${COLUMNS}
       )
       SELECT * FROM changed`,
      [projectId, sourceId, ...fieldValues(fields)],
    );
    return toRow(mustHave(rows[0], 'UPDATE project_sources'));
  }

  async delete(projectId: string, sourceId: string, em: EntityManager): Promise<void> {
    await em.query('DELETE FROM project_sources WHERE project_id = $1 AND id = $2', [projectId, sourceId]);
  }
}
