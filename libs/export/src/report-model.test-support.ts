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
