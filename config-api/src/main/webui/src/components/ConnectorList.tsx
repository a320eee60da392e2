import { useEffect, useState } from 'react';
import { api, ApiError } from '../lib/api';
import { Connector, Page } from '../lib/model';

export function ConnectorList({ onOpen }: { onOpen: (id: string) => void }) {
  const [items, setItems] = useState<Connector[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async (cursor: string | null) => {
    try {
      const page = await api.get<Page<Connector>>(`/api/connectors?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      setItems((old) => (cursor && old ? [...old, ...page.data.items] : page.data.items));
      setNext(page.data.next_cursor);
      setError(null);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) setError((e as Error).message);
    }
  };

  useEffect(() => {
    void load(null);
  }, []);

  return (
    <section className="panel" aria-labelledby="connectors-heading">
      <h1 id="connectors-heading">Connectors</h1>
      {error && <p className="notice error">{error}</p>}
      {items === null && !error && <p className="muted">Loading…</p>}
      {items && items.length === 0 && <p className="muted">No connectors yet.</p>}
      {items && items.length > 0 && (
        <table data-testid="connector-list">
          <thead>
            <tr>
              <th scope="col">Connector</th>
              <th scope="col">Kind</th>
              <th scope="col">Active version</th>
              <th scope="col">Draft</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id}>
                <td>
                  <a
                    href={`/connectors/${encodeURIComponent(c.id)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      onOpen(c.id);
                    }}
                  >
                    {c.display_name || c.name}
                  </a>
                </td>
                <td>{c.kind}</td>
                <td>{c.active_version > 0 ? `v${c.active_version}` : 'none'}</td>
                <td>{c.has_unpublished_changes ? <span className="tag warn">unpublished changes</span> : 'in sync'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <button type="button" onClick={() => load(next)}>
          More connectors
        </button>
      )}
    </section>
  );
}
