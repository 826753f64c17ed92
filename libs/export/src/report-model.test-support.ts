import type { ReportModel } from './model.js';

/** A draft report in German with one chapter holding `content`, for the specs; `overrides` change the rest. */
export const reportModel = (content: unknown[], overrides: Partial<ReportModel> = {}): ReportModel => ({
  mode: 'draft',
  language: 'de',
  title: 'Bericht',
  subtitle: null,
  publisher: null,
  date: '2025-11-28',
  contributors: [],
  sections: [{ number: '1', title: 'Kapitel', depth: 1, state: 'in_review', content: { type: 'doc', content } }],
  ...overrides,
});

/** The PDF's bookmarks (outline items: objects with a /Parent and a /Title), in the file's order. */
export function bookmarks(raw: string): string[] {
  return [...raw.matchAll(/\/Parent \d+ 0 R[^>]*?\/Title (\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f]*>)/g)].map(
    ([, title]) =>
      title.startsWith('<')
        ? Buffer.from(title.slice(5, -1), 'hex').swap16().toString('utf16le')
        : title.slice(1, -1).replace(/\\(.)/g, '$1'),
  );
}
