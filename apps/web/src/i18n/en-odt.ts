import type { deOdt } from './de-odt';

/** English messages of the editable ODT download (docs/export.md, "ODT"), registered in dictionaries.ts. */
export const enOdt: Record<keyof typeof deOdt, string> = {
  'exports.odt.title': 'Editable version',
  'exports.odt.intro':
    'For LibreOffice and other word processors: the report as an OpenDocument text (ODT), with headings, footnotes, tables, figures and lists. LibreOffice adds the page numbers of the lists with "Tools › Update › Update All". What you change there does not come back into Kapitel.',
  'exports.odt.finalLater': 'The final version as ODT is offered here once every section is approved.',
  'exports.odt.draft': 'Download the current text as ODT',
  'exports.odt.final': 'Download the final version as ODT',
  'protocol.action.export.odt_downloaded': 'Downloaded the ODT ({mode})',
};
