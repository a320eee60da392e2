// Loading hooks of the library pages: one resource, or a cursor-paged list ({items, next_cursor}).
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './api';
import { Page } from './model';

export interface Loaded<T> {
  data: T | null;
  error: Error | null;
  reload: () => Promise<void>;
}

/** GETs `path` (null: nothing to load yet) and answers `{item}`'s item; a new `key` loads again. */
export function useLoad<T>(path: string | null, key?: unknown): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const current = useRef(path);
  current.current = path;

  const reload = useCallback(async () => {
    if (!path) return;
    try {
      const res = await api.get<{ item: T }>(path);
      if (current.current !== path) return;
      setData(res.data.item);
      setError(null);
    } catch (e) {
      if (current.current === path) setError(e as Error);
    }
    // key: a caller's signal that the resource changed
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, key]);

  useEffect(() => {
    setData(null);
    setError(null);
    void reload();
  }, [reload]);

  return { data, error, reload };
}

export interface Paged<T> {
  items: T[] | null;
  next: string | null;
  error: Error | null;
  loading: boolean;
  more: () => Promise<void>;
  reload: () => Promise<void>;
  /** performance.now() when the first page arrived (the list page measures its render from there). */
  answeredAt: number | null;
}

/** The first page of `path` (which may carry its own query string), then more on demand. */
export function usePaged<T>(path: string | null, limit = 50): Paged<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(false);
  const [answeredAt, setAnsweredAt] = useState<number | null>(null);
  const current = useRef(path);
  current.current = path;

  const url = useCallback(
    (cursor: string | null) => {
      const sep = path!.includes('?') ? '&' : '?';
      return `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    },
    [path, limit],
  );

  const load = useCallback(
    async (cursor: string | null) => {
      if (!path) return;
      setLoading(true);
      try {
        const res = await api.get<Page<T>>(url(cursor));
        if (current.current !== path) return;
        if (!cursor) setAnsweredAt(performance.now());
        setItems((old) => (cursor && old ? [...old, ...res.data.items] : res.data.items));
        setNext(res.data.next_cursor);
        setError(null);
      } catch (e) {
        if (current.current === path) setError(e as Error);
      } finally {
        if (current.current === path) setLoading(false);
      }
    },
    [path, url],
  );

  useEffect(() => {
    setItems(null);
    setNext(null);
    setAnsweredAt(null);
    void load(null);
  }, [load]);

  return {
    items,
    next,
    error,
    loading,
    answeredAt,
    more: () => load(next),
    reload: () => load(null),
  };
}
