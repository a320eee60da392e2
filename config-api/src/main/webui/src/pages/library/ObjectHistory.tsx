// An object's versions, newest first, and the diff between any two of them. The pair is in the
// address (?from=&to=) so a comparison can be linked and back/forward step through comparisons.
import { Link, useLocation, useSearch } from 'wouter';
import { ConfigObject, ObjectVersionSummary, query, shortId, shortSha, VersionComparison } from '../../lib/library';
import { orgBase } from '../../lib/org';
import { useLoad, usePaged } from '../../lib/useLoad';
import { Loading, More, When } from '../../ui/bits';
import { ErrorNotice } from '../../ui/Problem';
import { UnifiedDiff } from '../../ui/UnifiedDiff';
import { MemberName } from '../access/principals';

export function ObjectHistory({ orgId, object }: { orgId: string; object: ConfigObject }) {
  const base = `${orgBase(orgId)}/config-objects/${object.id}`;
  const versions = usePaged<ObjectVersionSummary>(`${base}/versions`, 50);
  const search = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const items = versions.items ?? [];
  const to = search.get('to') ?? items[0]?.id ?? null;
  const from = search.get('from') ?? items[1]?.id ?? null;
  const compared = useLoad<VersionComparison>(from && to && from !== to ? `${base}/versions/compare${query({ from, to })}` : null);
  // versions carry no number: count them once the whole history is loaded, else name them by id
  const number = (id: string | null) => {
    const i = items.findIndex((v) => v.id === id);
    return i < 0 || versions.next ? `version ${shortId(id)}` : `v${items.length - i}`;
  };
  const pick = (which: 'from' | 'to', id: string) => {
    const next = new URLSearchParams({ from: from ?? '', to: to ?? '', [which]: id });
    navigate(`/library/objects/${object.id}/history?${next}`);
  };

  return (
    <div className="history">
      <ErrorNotice error={versions.error} what="load the history" />
      {versions.items === null && !versions.error && <Loading what="versions" />}
      {items.length > 0 && (
        <table data-testid="version-list">
          <caption>
            {items.length}
            {versions.next ? '+' : ''} version{items.length === 1 ? '' : 's'}, newest first. Choose two to compare.
          </caption>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Version</th>
              <th scope="col">Created</th>
              <th scope="col">By</th>
              <th scope="col">Via</th>
              <th scope="col">Source commit</th>
            </tr>
          </thead>
          <tbody>
            {items.map((v) => (
              <tr key={v.id} className={v.id === from || v.id === to ? 'selected' : undefined}>
                <td>
                  <input type="radio" name="from" aria-label={`compare from ${number(v.id)}`} checked={v.id === from} onChange={() => pick('from', v.id)} />
                </td>
                <td>
                  <input type="radio" name="to" aria-label={`compare to ${number(v.id)}`} checked={v.id === to} onChange={() => pick('to', v.id)} />
                </td>
                <td>
                  {number(v.id)} {v.is_deleted_version && <span className="tag error">deletes</span>}
                </td>
                <td>
                  <When at={v.created_at} />
                </td>
                <td>
                  <MemberName orgId={orgId} id={v.created_by_org_membership_id} />
                </td>
                <td>{v.created_via}</td>
                <td>{v.source_revision_ref ? <code>{shortSha(v.source_revision_ref)}</code> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <More next={versions.next} loading={versions.loading} onMore={() => void versions.more()} what="versions" />
      {items.length === 1 && <p className="muted">Only one version so far: nothing to compare.</p>}
      {from && to && from === to && <p className="muted">Choose two different versions.</p>}
      <ErrorNotice error={compared.error} what="compare the versions" />
      {compared.data && (
        <section className="compare-view" aria-labelledby="compare-heading" data-testid="version-compare">
          <h2 id="compare-heading">
            {number(from)} → {number(to)}
          </h2>
          {compared.data.identical ? (
            <p>The two versions have the same content.</p>
          ) : (
            <>
              <p data-testid="compare-counts">
                <span className="tag added">+{compared.data.lines_added}</span> <span className="tag removed">−{compared.data.lines_removed}</span> lines
              </p>
              <UnifiedDiff diff={compared.data.diff} label={`Changes from ${number(from)} to ${number(to)}`} />
              {compared.data.payload_patch.length > 0 && (
                <details>
                  <summary>Parsed fields that changed ({compared.data.payload_patch.length})</summary>
                  <ul className="patch">
                    {compared.data.payload_patch.map((p, i) => (
                      <li key={i}>
                        <code>{p.op}</code> <code>{p.path}</code>
                        {p.value !== undefined && (
                          <>
                            : <code>{JSON.stringify(p.value)}</code>
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </>
          )}
          <p>
            <Link href={`/library/objects/${object.id}/history`}>Latest two versions</Link>
          </p>
        </section>
      )}
    </div>
  );
}
