// The config library: search and filter the organisation's config objects (paged by the API's
// keyset cursor, 50 a page, so 10,000 objects render as fast as 50).
import { useEffect, useLayoutEffect, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { ConfigObject, OBJECT_TYPES, orgAtLeast, query } from '../../lib/library';
import { orgBase, useCurrentOrg } from '../../lib/org';
import { usePaged } from '../../lib/useLoad';
import { ListStatus, More, PageHead, StatusTag, When } from '../../ui/bits';
import { ErrorNotice } from '../../ui/Problem';

const STATUSES = ['active', 'inactive', 'archived', 'deleted', 'ingestion_error'];
export const SOURCES: Record<string, string> = { cloud: 'Cloud', import: 'Import', connector: 'GitHub' };

export default function LibraryPage() {
  const org = useCurrentOrg();
  const search = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const type = search.get('type') ?? '';
  const status = search.get('status') ?? '';
  const source = search.get('source') ?? '';
  const archived = search.get('archived') === 'true';
  const q = search.get('q') ?? '';
  const [text, setText] = useState(q);

  const set = (changes: Record<string, string | null>, replace = false) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v);
    else next.delete(k);
    const s = next.toString();
    navigate(`/library${s ? `?${s}` : ''}`, { replace });
  };

  // typing searches after a pause; the address bar follows without a history entry per key
  useEffect(() => {
    if (text === q) return;
    const timer = setTimeout(() => set({ q: text.trim() ? text : null }, true), 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);
  useEffect(() => setText(q), [q]);

  const path = `${orgBase(org.id)}/config-objects${query({
    object_type: type,
    status,
    source_mode: source,
    include_archived: archived && !status ? 'true' : null,
    q,
  })}`;
  const list = usePaged<ConfigObject>(path);
  useFirstPageMeasure(list.items, list.answeredAt);

  return (
    <section className="panel" aria-labelledby="library-heading">
      <PageHead
        title={<span id="library-heading">Library</span>}
        actions={
          orgAtLeast(org.role, 'editor') && (
            <Link href="/library/new" className="button primary">
              New object
            </Link>
          )
        }
      >
        <p className="muted">Skills, commands, agents, MCP servers, hooks and context of {org.name}.</p>
      </PageHead>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()} aria-label="Filter the library">
        <label>
          Search
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="title, description, text" data-testid="library-q" />
        </label>
        <label>
          Type
          <select value={type} onChange={(e) => set({ type: e.target.value })} data-testid="library-type">
            <option value="">all types</option>
            {OBJECT_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={status} onChange={(e) => set({ status: e.target.value })} data-testid="library-status">
            <option value="">current (not archived or deleted)</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.replace('_', ' ')}
              </option>
            ))}
          </select>
        </label>
        <label>
          Source
          <select value={source} onChange={(e) => set({ source: e.target.value })} data-testid="library-source">
            <option value="">any source</option>
            {Object.entries(SOURCES).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        {!status && (
          <label className="check">
            <input type="checkbox" checked={archived} onChange={(e) => set({ archived: e.target.checked ? 'true' : null })} />
            include archived
          </label>
        )}
      </form>
      <ErrorNotice error={list.error} what="search the library" />
      <ListStatus items={list.items} error={list.error} what="objects" empty="No object matches." />
      {list.items && list.items.length > 0 && (
        <table data-testid="object-list">
          <caption className="visually-hidden">Config objects</caption>
          <thead>
            <tr>
              <th scope="col">Object</th>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
              <th scope="col">Source</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link href={`/library/objects/${o.id}`}>{o.title || o.slug || o.current_file_name || o.id}</Link>
                  {o.description && <div className="muted small">{o.description}</div>}
                </td>
                <td>{o.object_type}</td>
                <td>
                  <StatusTag status={o.status} />
                </td>
                <td>{SOURCES[o.source_mode] ?? o.source_mode}</td>
                <td>
                  <When at={o.updated_at} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <More next={list.next} loading={list.loading} onMore={() => void list.more()} what="objects" />
    </section>
  );
}

/**
 * Records how long the first page took to reach the screen after the API answered, as the
 * performance measure `library-first-page` (the browser test prints it).
 */
function useFirstPageMeasure(items: unknown[] | null, answeredAt: number | null) {
  useLayoutEffect(() => {
    if (!items || answeredAt === null) return;
    const frame = requestAnimationFrame(() =>
      setTimeout(() => {
        performance.clearMeasures('library-first-page');
        performance.measure('library-first-page', { start: answeredAt, end: performance.now() });
      }),
    );
    return () => cancelAnimationFrame(frame);
    // only the first page of each search
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [answeredAt]);
}
