import { DomainError } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { countOf, holdProject, lockAdditions, mustHave } from '../../common/project-lists.js';

/** An abbreviation as the service uses it. */
export interface AbbreviationRow {
  id: string;
  projectId: string;
  short: string;
  long: string;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string | null;
}

interface RawAbbreviation {
  id: string;
  project_id: string;
  short: string;
  long: string;
  created_at: Date;
  updated_at: Date;
  created_by: string | null;
}

const COLUMNS = 'id, project_id, short, long, created_at, updated_at, created_by';

function toRow(raw: RawAbbreviation): AbbreviationRow {
  return {
    id: raw.id,
    projectId: raw.project_id,
    short: raw.short,
    long: raw.long,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
    createdBy: raw.created_by,
  };
}

const UNIQUE_VIOLATION = '23505';
const UNIQUE_SHORT = 'uq_project_abbreviations_project_id_short';

/** The project has this `short` already (any case): the unique index said so, also for a concurrent request. */
function abbreviationExists(short: string): DomainError {
  const message = `"${short}" is already in the list of abbreviations`;
  return new DomainError('ABBREVIATION_EXISTS', message, [{ field: 'short', message }]);
}

function mapUniqueViolation(error: unknown, short: string): unknown {
  if (error instanceof QueryFailedError) {
    const driverError = error.driverError as { code?: string; constraint?: string };
    if (driverError.code === UNIQUE_VIOLATION && driverError.constraint === UNIQUE_SHORT) {
      return abbreviationExists(short);
    }
  }
  return error;
}

/** The only code touching `project_abbreviations`; every query is scoped by project. */
@Injectable()
export class AbbreviationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private q(em?: EntityManager): EntityManager {
    return em ?? this.db.manager;
  }

  /** Every abbreviation of the project, in no particular order (the service sorts). */
  async list(projectId: string, em?: EntityManager): Promise<AbbreviationRow[]> {
    const rows = await this.q(em).query<RawAbbreviation[]>(
      `SELECT ${COLUMNS} FROM project_abbreviations WHERE project_id = $1`,
      [projectId],
    );
    return rows.map(toRow);
  }

  async count(projectId: string, em: EntityManager): Promise<number> {
    return countOf('project_abbreviations', projectId, em);
  }

  /** Serialises the additions to the project's list until the transaction ends (common/project-lists.ts). */
  async lockAdditions(projectId: string, em: EntityManager): Promise<void> {
    await lockAdditions('project_abbreviations', projectId, em);
  }

  /** Holds the project row against its deletion until the transaction ends (common/project-lists.ts). */
  async holdProject(projectId: string, em: EntityManager): Promise<void> {
    await holdProject(projectId, em);
  }

  /** An abbreviation of the project, locked for a change until the transaction ends; null when absent. */
  async findForUpdate(projectId: string, abbreviationId: string, em: EntityManager): Promise<AbbreviationRow | null> {
    const rows = await em.query<RawAbbreviation[]>(
      `SELECT ${COLUMNS} FROM project_abbreviations WHERE project_id = $1 AND id = $2 FOR UPDATE`,
      [projectId, abbreviationId],
    );
    const row = rows[0];
    return row ? toRow(row) : null;
  }

  /** Inserts an abbreviation; a `short` the project has (any case) is ABBREVIATION_EXISTS. */
  async insert(entry: { projectId: string; short: string; long: string; createdBy: string }, em: EntityManager): Promise<AbbreviationRow> {
    try {
      const rows = await em.query<RawAbbreviation[]>(
        `INSERT INTO project_abbreviations (project_id, short, long, created_by) VALUES ($1, $2, $3, $4)
         RETURNING ${COLUMNS}`,
        [entry.projectId, entry.short, entry.long, entry.createdBy],
      );
      return toRow(mustHave(rows[0], 'INSERT INTO project_abbreviations'));
    } catch (error) {
      // The error aborts the caller's transaction, which is what it wants: nothing else changes.
      throw mapUniqueViolation(error, entry.short);
    }
  }

  /** Changes both texts of an abbreviation of the project; a `short` taken by another entry is ABBREVIATION_EXISTS. */
  async update(
    projectId: string,
    abbreviationId: string,
    fields: { short: string; long: string },
    em: EntityManager,
  ): Promise<AbbreviationRow> {
    try {
      // Inside a CTE: TypeORM answers a bare UPDATE with [rows, count], a SELECT with its rows.
      const rows = await em.query<RawAbbreviation[]>(
        `WITH changed AS (
           UPDATE project_abbreviations SET short = $3, long = $4, updated_at = now()
            WHERE project_id = $1 AND id = $2 RETURNING ${COLUMNS}
         )
         SELECT * FROM changed`,
        [projectId, abbreviationId, fields.short, fields.long],
      );
      return toRow(mustHave(rows[0], 'UPDATE project_abbreviations'));
    } catch (error) {
      throw mapUniqueViolation(error, fields.short);
    }
  }

  async delete(projectId: string, abbreviationId: string, em: EntityManager): Promise<void> {
    await em.query('DELETE FROM project_abbreviations WHERE project_id = $1 AND id = $2', [projectId, abbreviationId]);
  }
}
