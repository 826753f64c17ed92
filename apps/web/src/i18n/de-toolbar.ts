/** German messages of the editor's toolbar (its "Mehr" menu), registered in dictionaries.ts. */
export const deToolbar = {
  /** The menu button at the row's end holding the buttons that do not fit. */
  'toolbar.more': 'Mehr',
};
