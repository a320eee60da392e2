import { useEffect, useState } from 'react';
import { api } from '../lib/api';
import { DraftChange, Page, connectorPath } from '../lib/model';
import { ago } from '../lib/format';

/** The draft journal: who changed what, from which kind of writer. */
export function DraftHistory({ connectorId, revision }: { connectorId: string; revision: number }) {
  const [items, setItems] = useState<DraftChange[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const base = `${connectorPath(connectorId)}/draft/history`;

  useEffect(() => {
    api.get<Page<DraftChange>>(`${base}?limit=20`).then((p) => {
      setItems(p.data.items);
      setNext(p.data.next_cursor);
    }, () => undefined);
  }, [base, revision]);

  return (
    <section className="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">Draft history</h2>
      <table data-testid="draft-history">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Writer</th>
            <th scope="col">Change</th>
            <th scope="col">Paths</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c, i) => (
            <tr key={`${c.revision ?? i}-${c.created_at}`}>
              <td title={c.created_at}>{ago(c.created_at)}</td>
              <td>{c.actor}</td>
              <td>
                <span className="tag">{c.writer_kind}</span>
              </td>
              <td>{c.action}</td>
              <td>
                {(c.paths ?? []).map((p) => (
                  <code key={p}>{p} </code>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {next && (
        <button
          type="button"
          onClick={async () => {
            const p = await api.get<Page<DraftChange>>(`${base}?limit=20&cursor=${encodeURIComponent(next)}`);
            setItems((old) => [...old, ...p.data.items]);
            setNext(p.data.next_cursor);
          }}
        >
          Load older changes
        </button>
      )}
    </section>
  );
}
