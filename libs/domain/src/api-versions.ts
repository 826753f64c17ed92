/**
 * Request and response shapes of a section's versions (../shared/API.md, "Versions";
 * docs/versions.md), and the rules for a version's label that the server enforces and the
 * web form shows.
 */
import { codePointLength } from './api-comments.js';
import { LIMITS } from './limits.js';
import { lineTextProblem } from './line-text.js';

export const VERSION_KINDS = ['approval', 'named'] as const;
/** `approval`: stored by the server at every approval; `named`: stored by hand (or before a restore). */
export type VersionKind = (typeof VERSION_KINDS)[number];

/** The version a restore made current again, with the fields a client titles a version by. */
export interface RestoredVersion {
  id: string;
  kind: VersionKind;
  label: string | null;
  createdAt: string;
}

/** One stored state of a section, as the version list shows it. */
export interface SectionVersion {
  id: string;
  kind: VersionKind;
  /**
   * Null for approval versions and for the version kept before a restore (clients title that
   * one by `restoredFrom`). Versions kept before a restore by older releases carry a German
   * label instead, and no `restoredFrom`.
   */
  label: string | null;
  createdAt: string;
  /** Null when the account is gone. */
  createdBy: string | null;
  /** Null when the account is gone. */
  createdByName: string | null;
  /**
   * On the version kept just before a restore: the restored version (null on all others, and
   * should the restored version ever be deleted).
   */
  restoredFrom: RestoredVersion | null;
}

export interface CreateVersionRequest {
  label: string;
}

/** `POST .../versions` and `POST .../versions/:versionId/restore` (there: the version stored before the restore). */
export interface VersionResponse {
  version: SectionVersion;
}

/** `GET .../versions/:versionId`: the version's text in the three forms of `GET .../content`. */
export interface VersionContentResponse {
  version: SectionVersion;
  /** ProseMirror JSON (`{type: 'doc', content: [...]}`). */
  json: Record<string, unknown>;
  html: string;
  text: string;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why `label` (already trimmed) cannot name a version, or null when it can: 1 to
 * `LIMITS.versionLabelMaxLength` characters (code points), one line (`lineTextProblem`).
 */
export function versionLabelProblem(label: string): string | null {
  if (label === '') {
    return 'label must not be empty';
  }
  if (LONE_SURROGATE.test(label)) {
    return 'label must be valid Unicode text (it contains a lone surrogate)';
  }
  const line = lineTextProblem('label', label);
  if (line !== null) {
    return line;
  }
  if (codePointLength(label) > LIMITS.versionLabelMaxLength) {
    return `label must be at most ${LIMITS.versionLabelMaxLength} characters long`;
  }
  return null;
}
