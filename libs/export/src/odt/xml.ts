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
