import { useCallback, useEffect, useState } from 'react';
import { api } from '../../lib/api';
import { connectorPath } from '../../lib/model';
import { Fleet } from './model';

/** The connector's fleet view (workers, summary, rollout), polled while the workspace is open. */
export function useFleet(connectorId: string, everyMs = 3000) {
  const [fleet, setFleet] = useState<Fleet | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = `${connectorPath(connectorId)}/fleet?limit=100`;

  const refresh = useCallback(async () => {
    try {
      const res = await api.get<Fleet>(path);
      setFleet(res.data);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [path]);

  useEffect(() => {
    refresh();
    const timer = window.setInterval(refresh, everyMs);
    return () => window.clearInterval(timer);
  }, [refresh, everyMs]);

  return { fleet, error, refresh };
}
