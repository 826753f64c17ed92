/**
 * Request and response shapes of a section's versions (../shared/API.md, "Versions";
 * docs/versions.md), and the rules for a version's label that the server enforces and the
 * web form shows.
 */
import { codePointLength } from './api-comments.js';
import { LIMITS, type Language } from './limits.js';

export const VERSION_KINDS = ['approval', 'named'] as const;
/** `approval`: stored by the server at every approval; `named`: stored by hand (or before a restore). */
export type VersionKind = (typeof VERSION_KINDS)[number];

/** One stored state of a section, as the version list shows it. */
export interface SectionVersion {
  id: string;
  kind: VersionKind;
  /** Null for approval versions. */
  label: string | null;
  createdAt: string;
  /** Null when the account is gone. */
  createdBy: string | null;
  /** Null when the account is gone. */
  createdByName: string | null;
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

// Any C0 or C1 control character: a label is one line of text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why `label` (already trimmed) cannot name a version, or null when it can: 1 to
 * `LIMITS.versionLabelMaxLength` characters (code points), one line, no control characters.
 */
export function versionLabelProblem(label: string): string | null {
  if (label === '') {
    return 'label must not be empty';
  }
  if (LONE_SURROGATE.test(label)) {
    return 'label must be valid Unicode text (it contains a lone surrogate)';
  }
  if (CONTROL.test(label)) {
    return 'label must not contain control characters (tabs and line breaks included)';
  }
  if (codePointLength(label) > LIMITS.versionLabelMaxLength) {
    return `label must be at most ${LIMITS.versionLabelMaxLength} characters long`;
  }
  return null;
}

/** A moment as the project's readers write it, in German local time (the projects are German municipalities'). */
function formatMoment(at: Date, language: Language): string {
  const format = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  });
  return format.format(at);
}

/**
 * The label of the version stored just before a restore, in the project's language: it
 * names the restored version by its label, or by its date when it has none (an approval).
 * The restored label is shortened with "…" so that the result stays a valid label.
 */
export function beforeRestoreLabel(restored: { label: string | null; createdAt: Date }, language: Language): string {
  const name = restored.label ?? formatMoment(restored.createdAt, language);
  const wrap = (inner: string): string =>
    language === 'de' ? `Vor der Wiederherstellung von „${inner}“` : `Before restoring “${inner}”`;
  const room = LIMITS.versionLabelMaxLength - codePointLength(wrap(''));
  const chars = Array.from(name);
  return wrap(chars.length <= room ? name : `${chars.slice(0, room - 1).join('').trimEnd()}…`);
}
