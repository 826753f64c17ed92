import type { RenderData } from '../render-data.js';
import { ODF_NAMESPACES, text, XML_HEAD } from './xml.js';


const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * meta.xml: title, language, authors and date, as the PDF's document info has them (the
 * authors are those who wrote the report, not its reviewers). The date is the report's day at
 * midnight, without a time zone: the report names a day, not an instant.
 */
export function metaXml(data: RenderData): string {
  const { title, authors, year, month, day } = data.meta;
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}T00:00:00`;
  const creator = authors.length > 0 ? text(authors.join(', ')) : null;
  return (
    XML_HEAD +
    `<office:document-meta ${ODF_NAMESPACES} office:version="1.3"><office:meta>` +
    `<meta:generator>Kapitel</meta:generator>` +
    `<dc:title>${text(title)}</dc:title>` +
    `<dc:language>${text(data.lang)}</dc:language>` +
    (creator === null
      ? ''
      : `<meta:initial-creator>${creator}</meta:initial-creator><dc:creator>${creator}</dc:creator>`) +
    `<meta:creation-date>${date}</meta:creation-date><dc:date>${date}</dc:date>` +
    `</office:meta></office:document-meta>`
  );
}
