/** The only link schemes a report may carry: web and mail. */
export const ALLOWED_LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

/**
 * True when `href` is an absolute http, https or mailto URL. Everything else
 * (javascript:, data:, file:, relative paths) is refused, in the editor, on the server
 * and in the export alike.
 */
export function isAllowedHref(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return false;
  }
  return (ALLOWED_LINK_PROTOCOLS as readonly string[]).includes(url.protocol.slice(0, -1));
}
