/**
 * Puts `text` on the clipboard; false when the browser does not let us (the Clipboard API is
 * absent outside secure contexts, such as plain http on a LAN address, and may be refused).
 * The caller then selects the text on screen, so that Ctrl+C works right away.
 */
export async function copyText(text: string): Promise<boolean> {
  if (!('clipboard' in navigator)) {
    return false;
  }
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
