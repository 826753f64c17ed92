import { imageSrc, type ImageContentType, type UploadedImage } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** An image to store: its bytes and what was read from them. */
export interface NewImage {
  projectId: string;
  contentType: ImageContentType;
  width: number | null;
  height: number | null;
  sha256: string;
  data: Buffer;
  createdBy: string;
}

/** An image's bytes, as the GET route serves them. */
export interface ImageFile {
  contentType: ImageContentType;
  sha256: string;
  data: Buffer;
}

interface RawImage {
  id: string;
  project_id: string;
  content_type: ImageContentType;
  size: number;
  width: number | null;
  height: number | null;
}

const COLUMNS = 'id, project_id, content_type, size, width, height';

function toUploaded(raw: RawImage): UploadedImage {
  return {
    id: raw.id,
    src: imageSrc(raw.project_id, raw.id),
    contentType: raw.content_type,
    bytes: raw.size,
    width: raw.width,
    height: raw.height,
  };
}

/** The only code touching `images`; every read is scoped by project. */
@Injectable()
export class ImageRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Stores the image unless the project holds the same bytes already; either way the
   * stored image, and whether this call stored it. An image handed out again is renewed
   * (`created_at` = now): the caller is about to put it into a text, and the cleanup must not
   * take it meanwhile for the old, unused image it was a moment ago (image-cleanup.service.ts).
   */
  async insertOnce(image: NewImage, em: EntityManager): Promise<{ image: UploadedImage; created: boolean }> {
    // Twice at most: the second time only when the cleanup removed the conflicting image
    // between our INSERT and UPDATE, and then the INSERT stores it anew.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const inserted = await em.query<RawImage[]>(
        `INSERT INTO images (project_id, content_type, size, width, height, sha256, data, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT ON CONSTRAINT uq_images_project_id_sha256 DO NOTHING
         RETURNING ${COLUMNS}`,
        [image.projectId, image.contentType, image.data.byteLength, image.width, image.height, image.sha256, image.data, image.createdBy],
      );
      if (inserted[0]) {
        return { image: toUploaded(inserted[0]), created: true };
      }
      // The conflicting row is committed (ON CONFLICT waited for it), so a new statement sees it.
      // In a WITH, so that TypeORM hands back the rows of an UPDATE rather than [rows, count].
      const existing = await em.query<RawImage[]>(
        `WITH renewed AS (UPDATE images SET created_at = now() WHERE project_id = $1 AND sha256 = $2 RETURNING ${COLUMNS})
         SELECT ${COLUMNS} FROM renewed`,
        [image.projectId, image.sha256],
      );
      if (existing[0]) {
        return { image: toUploaded(existing[0]), created: false };
      }
    }
    throw new Error(`image ${image.sha256} of project ${image.projectId} conflicted but cannot be found`);
  }

  async findFile(projectId: string, imageId: string): Promise<ImageFile | null> {
    const rows = await this.db.query<Array<{ content_type: ImageContentType; sha256: string; data: Buffer }>>(
      'SELECT content_type, sha256, data FROM images WHERE project_id = $1 AND id = $2',
      [projectId, imageId],
    );
    const row = rows[0];
    return row ? { contentType: row.content_type, sha256: row.sha256, data: row.data } : null;
  }

  /** id -> size of those of `imageIds` that belong to the project, without reading their bytes. */
  async sizesOf(projectId: string, imageIds: string[]): Promise<Map<string, number>> {
    if (imageIds.length === 0) {
      return new Map();
    }
    const rows = await this.db.query<Array<{ id: string; size: number }>>(
      'SELECT id, size FROM images WHERE project_id = $1 AND id = ANY($2::uuid[])',
      [projectId, imageIds],
    );
    return new Map(rows.map((row) => [row.id, row.size]));
  }

  /** The bytes of those of `imageIds` that belong to the project (for the export). */
  async findFiles(projectId: string, imageIds: string[]): Promise<Array<ImageFile & { id: string }>> {
    if (imageIds.length === 0) {
      return [];
    }
    const rows = await this.db.query<Array<{ id: string; content_type: ImageContentType; sha256: string; data: Buffer }>>(
      'SELECT id, content_type, sha256, data FROM images WHERE project_id = $1 AND id = ANY($2::uuid[])',
      [projectId, imageIds],
    );
    return rows.map((row) => ({ id: row.id, contentType: row.content_type, sha256: row.sha256, data: row.data }));
  }
}
