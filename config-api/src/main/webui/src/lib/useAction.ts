// One user action of a page (a save, a grant, a resync): runs it, keeps its error for the page to
// show (at the field its pointer names, or as a notice) and says while it is busy.
import { useCallback, useState } from 'react';

export interface Action {
  error: unknown;
  busy: boolean;
  /** Runs `work`, then `after` (e.g. reload what it changed); true when both succeeded. */
  run: (work: () => Promise<unknown>, after?: () => unknown) => Promise<boolean>;
}

export function useAction(): Action {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (work: () => Promise<unknown>, after?: () => unknown) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      if (after) await after();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { error, busy, run };
}
