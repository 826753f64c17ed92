import type { deToolbar } from './de-toolbar';

/** English messages of the editor's toolbar (see de-toolbar.ts). */
export const enToolbar: Record<keyof typeof deToolbar, string> = {
  'toolbar.more': 'More',
};
