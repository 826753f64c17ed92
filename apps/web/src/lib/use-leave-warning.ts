import { useEffect } from 'react';
import { holdUnsavedWork } from './unsaved-work';

/**
 * While `active`, closing the tab, reloading or leaving the site asks first (the browser's
 * own question; its text cannot be set). For edits the server has not stored yet: they live
 * only in this tab until the connection is back. Also counts as the tab's unsaved work
 * (unsaved-work.ts) meanwhile.
 */
export function useLeaveWarning(active: boolean): void {
  useEffect(() => {
    if (!active) {
      return;
    }
    const warn = (event: BeforeUnloadEvent): void => {
      event.preventDefault();
      // Chromium before 119 and Safari ask only when returnValue is set.
      event.returnValue = true;
    };
    window.addEventListener('beforeunload', warn);
    const release = holdUnsavedWork();
    return () => {
      release();
      window.removeEventListener('beforeunload', warn);
    };
  }, [active]);
}
