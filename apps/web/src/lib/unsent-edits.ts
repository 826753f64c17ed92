/**
 * Edits the server has not stored, kept in the browser (localStorage) while they are unsent,
 * so that a tab that closes, crashes or is reloaded before the connection is back loses
 * nothing: the next page of the same person on the same section brings them back
 * (apps/web/README.md, "Unsent edits"). One record per page (a tab may hold edits another
 * tab does not), each a Yjs update of that page's unconfirmed edits, stored as base64.
 * localStorage, not IndexedDB: a page that goes away can still write it synchronously.
 */

const PREFIX = 'kapitel.unsent.v1';
/** Records nobody came back for within this time are dropped. */
export const KEEP_UNSENT_MS = 30 * 24 * 60 * 60 * 1000;

/** People who signed out in this tab: nothing of theirs is kept until they sign in again. */
const signedOut = new Set<string>();

export interface KeptEdits {
  /** The storage key, to drop the record once its edits are stored. */
  key: string;
  update: Uint8Array;
  savedAt: string;
}

/** What of localStorage the records need (tests give a Map-backed one). */
export interface UnsentEditsStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) {
    bytes[index] = binary.charCodeAt(index);
  }
  return bytes;
}

const sectionPrefix = (userId: string, sectionId: string): string => `${PREFIX}.${userId}.${sectionId}.`;

function keys(store: UnsentEditsStore, prefix: string): string[] {
  const found: string[] = [];
  for (let index = 0; index < store.length; index += 1) {
    const key = store.key(index);
    if (key?.startsWith(prefix) === true) {
      found.push(key);
    }
  }
  return found;
}

function parse(key: string, value: string | null): KeptEdits | null {
  if (value === null) {
    return null;
  }
  try {
    const record = JSON.parse(value) as { update?: unknown; savedAt?: unknown };
    if (typeof record.update !== 'string' || typeof record.savedAt !== 'string') {
      return null;
    }
    return { key, update: fromBase64(record.update), savedAt: record.savedAt };
  } catch {
    return null;
  }
}

/** The key of one page's record: the person, the section, the page. */
export function unsentKey(userId: string, sectionId: string, pageId: string): string {
  return `${sectionPrefix(userId, sectionId)}${pageId}`;
}

/**
 * Keeps `update` under `key`; false when the browser refused (storage full or switched off),
 * in which case the tab's own warning before leaving is all that is left.
 */
export function keepUnsent(store: UnsentEditsStore, key: string, update: Uint8Array, now = new Date()): boolean {
  // An editor that goes after its person signed out must not write back what the sign-out dropped.
  if ([...signedOut].some((userId) => key.startsWith(`${PREFIX}.${userId}.`))) {
    return false;
  }
  try {
    store.setItem(key, JSON.stringify({ update: toBase64(update), savedAt: now.toISOString() }));
    return true;
  } catch {
    return false;
  }
}

export function dropUnsent(store: UnsentEditsStore, key: string): void {
  try {
    store.removeItem(key);
  } catch {
    // Storage switched off: there is nothing to drop.
  }
}

/** The kept edits of this person on this section from other pages, oldest first; unreadable records are dropped. */
export function keptUnsent(store: UnsentEditsStore, userId: string, sectionId: string, exceptKey: string): KeptEdits[] {
  const kept: KeptEdits[] = [];
  for (const key of keys(store, sectionPrefix(userId, sectionId))) {
    if (key === exceptKey) {
      continue;
    }
    const record = parse(key, store.getItem(key));
    if (record === null) {
      dropUnsent(store, key);
    } else {
      kept.push(record);
    }
  }
  return kept.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

/**
 * Drops records older than KEEP_UNSENT_MS, and, with `userId`, every record of that person
 * (a sign-out: on a shared computer the next person must not find them), who then has
 * nothing kept until `allowUnsent`.
 */
export function forgetUnsent(store: UnsentEditsStore, options: { userId?: string; now?: Date } = {}): void {
  if (options.userId !== undefined) {
    signedOut.add(options.userId);
  }
  const now = (options.now ?? new Date()).getTime();
  for (const key of keys(store, `${PREFIX}.`)) {
    const record = parse(key, store.getItem(key));
    const old = record === null || now - Date.parse(record.savedAt) > KEEP_UNSENT_MS;
    if (old || (options.userId !== undefined && key.startsWith(`${PREFIX}.${options.userId}.`))) {
      dropUnsent(store, key);
    }
  }
}

/** The person signed in (again): their unsent edits are kept from now on. */
export function allowUnsent(userId: string): void {
  signedOut.delete(userId);
}

/** The browser's localStorage, or null where it is switched off. */
export function browserStore(): UnsentEditsStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
