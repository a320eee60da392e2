// Loads a connector's workspace and keeps it current: polls the draft with its ETag
// (a write by any writer shows within the poll interval) and follows the publish
// receipt from committed to replicated.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from './api';
import { GOVERNANCE_ACTIONS } from './governance';
import { Connector, Draft, DraftChange, Page, PublishStatus, Version, connectorPath } from './model';

export const DRAFT_POLL_MS = 1500;
export const STATUS_POLL_MS = 1000;

export interface Workspace {
  connector: Connector | null;
  draft: Draft | null;
  etag: string | null;
  active: Version | null;
  status: PublishStatus | null;
  lastChange: DraftChange | null;
  loadError: ApiError | Error | null;
  refresh: () => Promise<void>;
  setDraft: (draft: Draft, etag: string | null) => void;
}

const signature = (d: Draft) => `${d.revision}:${d.base_version}:${d.active_version}:${d.has_unpublished_changes}`;

export function useWorkspace(id: string): Workspace {
  const [connector, setConnector] = useState<Connector | null>(null);
  const [draft, setDraftState] = useState<Draft | null>(null);
  const [active, setActive] = useState<Version | null>(null);
  const [status, setStatus] = useState<PublishStatus | null>(null);
  const [lastChange, setLastChange] = useState<DraftChange | null>(null);
  const [loadError, setLoadError] = useState<ApiError | Error | null>(null);
  const etag = useRef<string | null>(null);
  const [etagState, setEtagState] = useState<string | null>(null);
  const activeVersion = useRef<number | null>(null);
  const shown = useRef('');
  const base = connectorPath(id);

  const loadActive = useCallback(
    async (n: number) => {
      activeVersion.current = n;
      if (n <= 0) {
        setActive(null);
        setStatus(null);
        return;
      }
      const [v, s] = await Promise.all([
        api.get<Version>(`${base}/versions/${n}`),
        api.get<PublishStatus>(`${base}/versions/${n}/status`),
      ]);
      setActive(v.data);
      setStatus(s.data);
    },
    [base],
  );

  const loadLastChange = useCallback(async () => {
    // the last change of the draft itself: reviews, approvals and refusals are journalled too
    const h = await api.get<Page<DraftChange>>(`${base}/draft/history?limit=20`);
    setLastChange(h.data.items.find((c) => !GOVERNANCE_ACTIONS.has(c.action)) ?? null);
  }, [base]);

  const acceptDraft = useCallback(
    async (d: Draft, tag: string | null) => {
      etag.current = tag;
      shown.current = signature(d);
      setEtagState(tag);
      setDraftState(d);
      const tasks: Promise<unknown>[] = [loadLastChange()];
      if (d.active_version !== activeVersion.current) tasks.push(loadActive(d.active_version));
      await Promise.all(tasks);
    },
    [loadActive, loadLastChange],
  );

  const refresh = useCallback(async () => {
    try {
      const [c, d] = await Promise.all([api.get<Connector>(base), api.get<Draft>(`${base}/draft`)]);
      setConnector(c.data);
      activeVersion.current = null;
      await acceptDraft(d.data, d.etag);
      setLoadError(null);
    } catch (e) {
      setLoadError(e as Error);
    }
  }, [base, acceptDraft]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // the draft poll: 304 while nothing changed
  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      if (stopped || document.hidden) return;
      try {
        const d = await api.get<Draft>(`${base}/draft`, { ifNoneMatch: etag.current });
        // a publish by someone else moves the active version without a new draft revision
        if (d.status === 200 && d.data && (d.etag !== etag.current || signature(d.data) !== shown.current)) {
          await acceptDraft(d.data, d.etag);
        }
      } catch {
        /* the app-wide notice reports network loss and expired sign-in */
      }
    }, DRAFT_POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [base, acceptDraft]);

  // committed -> replicated
  useEffect(() => {
    if (!status || status.replicated) return;
    const timer = setInterval(async () => {
      try {
        const s = await api.get<PublishStatus>(`${base}/versions/${status.version}/status`);
        if (activeVersion.current === s.data.version) setStatus(s.data);
      } catch {
        /* retried on the next tick */
      }
    }, STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [base, status]);

  const setDraft = useCallback((d: Draft, tag: string | null) => void acceptDraft(d, tag), [acceptDraft]);

  return { connector, draft, etag: etagState, active, status, lastChange, loadError, refresh, setDraft };
}
