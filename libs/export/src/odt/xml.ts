/**
 * XML text for the OpenDocument files. Everything a user wrote passes through `text()` or
 * `attr()`: it can only ever become character data, never markup (the same rule as the Typst
 * export, docs/export.md "Safety").
 */

// Characters XML 1.0 does not allow at all (not even escaped): C0 controls other than tab,
// line feed and carriage return, U+FFFE/U+FFFF, and UTF-16 surrogates that are not part of a pair.
// A parser that meets one refuses the whole file, so LibreOffice would not open the report.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** `value` without the characters XML 1.0 forbids. */
export function xmlSafe(value: string): string {
  return value.replace(FORBIDDEN, '');
}

/**
 * Character data: forbidden characters removed, `& < > " '` escaped. Escaping `>` too keeps
 * `]]>` from ever appearing literally in the file.
 */
export function text(value: string): string {
  return xmlSafe(value).replace(/[&<>"']/g, (char) => ENTITIES[char]);
}

/**
 * An attribute value (always written in double quotes). Tabs and line breaks are escaped as
 * character references: a parser would turn them into spaces otherwise.
 */
export function attr(value: string): string {
  return text(value).replace(/[\t\n\r]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The XML declaration every part of the package starts with. */
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * The namespaces the parts of the package use, declared on each part's root element: one list
 * for content, styles and meta (a declaration a part does not use costs nothing).
 */
export const ODF_NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:ooow="http://openoffice.org/2004/writer"',
].join(' ');
