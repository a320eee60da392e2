export function ago(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return '';
  const s = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.round(h / 24)} days ago`;
}

/** Stable, key-sorted, indented JSON so equal values print identically. */
export function pretty(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) ?? 'null';
}

export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** RFC 6901 escaping of one pointer segment. */
export const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
export const unescapePointer = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');
