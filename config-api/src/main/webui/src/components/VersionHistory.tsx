import { useCallback, useEffect, useId, useState } from 'react';
import { api } from '../lib/api';
import { Page, Version, VersionSummary, connectorPath } from '../lib/model';
import { ago, pretty } from '../lib/format';
import { diffDocuments } from '../lib/diff';
import { DiffView } from './DiffView';
import { Modal } from './Modal';

interface Props {
  connectorId: string;
  activeVersion: number;
  canEdit: boolean;
  onRestore: (version: number) => Promise<void>;
}

const PAGE = 10;

/** Published versions, newest first: view one, compare two, restore one into the draft. */
export function VersionHistory({ connectorId, activeVersion, canEdit, onRestore }: Props) {
  const base = connectorPath(connectorId);
  const [items, setItems] = useState<VersionSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [viewing, setViewing] = useState<Version | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [compare, setCompare] = useState<{ a: Version; b: Version } | null>(null);
  const fromId = useId();
  const toId = useId();

  const load = useCallback(
    async (cursor: string | null) => {
      const q = new URLSearchParams({ limit: String(PAGE) });
      if (cursor) q.set('cursor', cursor);
      const page = await api.get<Page<VersionSummary>>(`${base}/versions?${q}`);
      setItems((old) => (cursor ? [...old, ...page.data.items] : page.data.items));
      setNext(page.data.next_cursor);
    },
    [base],
  );

  useEffect(() => {
    void load(null);
  }, [load, activeVersion]);

  const fetchVersion = async (n: number) => (await api.get<Version>(`${base}/versions/${n}`)).data;

  return (
    <section className="panel" aria-labelledby="versions-heading">
      <h2 id="versions-heading">Version history</h2>
      <form
        className="compare"
        onSubmit={async (e) => {
          e.preventDefault();
          const [a, b] = await Promise.all([fetchVersion(Number(from)), fetchVersion(Number(to))]);
          setCompare({ a, b });
        }}
      >
        <label htmlFor={fromId}>Compare</label>
        <select id={fromId} value={from} onChange={(e) => setFrom(e.target.value)} required>
          <option value="">version…</option>
          {items.map((v) => (
            <option key={v.version} value={v.version}>
              v{v.version}
            </option>
          ))}
        </select>
        <label htmlFor={toId}>with</label>
        <select id={toId} value={to} onChange={(e) => setTo(e.target.value)} required>
          <option value="">version…</option>
          {items.map((v) => (
            <option key={v.version} value={v.version}>
              v{v.version}
            </option>
          ))}
        </select>
        <button type="submit">Compare</button>
      </form>
      <table className="versions" data-testid="versions-table">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Published</th>
            <th scope="col">By</th>
            <th scope="col">Message</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((v) => (
            <tr key={v.version} data-version={v.version}>
              <td>
                v{v.version} {v.version === activeVersion && <span className="tag ok">active</span>}
              </td>
              <td title={v.published_at}>{ago(v.published_at)}</td>
              <td>{v.published_by}</td>
              <td>{v.message ?? ''}</td>
              <td className="row-actions">
                <button type="button" onClick={async () => setViewing(await fetchVersion(v.version))}>
                  View v{v.version}
                </button>
                {canEdit && (
                  <button type="button" onClick={() => onRestore(v.version)}>
                    Restore v{v.version} into draft
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.length === 0 && <p className="muted">Nothing published yet.</p>}
      {next && (
        <button type="button" onClick={() => load(next)}>
          Load older versions
        </button>
      )}
      {viewing && (
        <Modal title={`Version ${viewing.version}`} onClose={() => setViewing(null)} wide testId="version-modal">
          <p>
            Published {ago(viewing.published_at)} by {viewing.published_by}
            {viewing.message ? `: “${viewing.message}”` : ''}. Checksum <code>{viewing.checksum.slice(0, 12)}</code>.
          </p>
          <pre className="json-view" tabIndex={0} aria-label={`Document of version ${viewing.version}`}>
            {pretty(viewing.document)}
          </pre>
        </Modal>
      )}
      {compare && (
        <Modal title={`Compare v${compare.a.version} with v${compare.b.version}`} onClose={() => setCompare(null)} wide testId="compare-modal">
          <DiffView diff={diffDocuments(compare.a.document, compare.b.document)} leftLabel={`v${compare.a.version}`} rightLabel={`v${compare.b.version}`} />
        </Modal>
      )}
    </section>
  );
}
