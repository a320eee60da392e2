// Where a GitHub-managed object comes from: each repository path it was synced from (the live
// binding and closed ones), the commit last seen, the files deleted at the source (tombstones),
// and the links between identities: a path that comes back is a new object, never the old one.
import { Link } from 'wouter';
import { Provenance, shortSha } from '../../lib/library';
import { orgBase } from '../../lib/org';
import { useLoad } from '../../lib/useLoad';
import { Loading, StatusTag, When } from '../../ui/bits';
import { ErrorNotice } from '../../ui/Problem';

export function ProvenanceView({ orgId, objectId }: { orgId: string; objectId: string }) {
  const p = useLoad<Provenance>(`${orgBase(orgId)}/config-objects/${objectId}/provenance`);
  if (p.error) return <ErrorNotice error={p.error} what="load where this object comes from" />;
  if (!p.data) return <Loading what="the source" />;
  const { bindings, tombstones } = p.data;
  return (
    <div className="provenance" data-testid="provenance">
      <h2>Repository paths</h2>
      {bindings.length === 0 && <p className="muted">No source binding.</p>}
      {bindings.length > 0 && (
        <table>
          <caption className="visually-hidden">Source bindings</caption>
          <thead>
            <tr>
              <th scope="col">Repository path</th>
              <th scope="col">Status</th>
              <th scope="col">Last seen commit</th>
              <th scope="col">Since</th>
              <th scope="col">History</th>
            </tr>
          </thead>
          <tbody>
            {bindings.map((b) => (
              <tr key={b.id}>
                <td>
                  <code>
                    {b.remote_id}/{b.external_locator}
                  </code>
                  <div className="small">
                    <Link href={`/sources/instances/${b.connector_instance_id}`}>connector instance</Link>
                  </div>
                </td>
                <td>
                  <StatusTag status={b.closed_at ? 'closed' : b.status} />
                </td>
                <td>{b.last_seen_source_revision_ref ? <code>{shortSha(b.last_seen_source_revision_ref)}</code> : ''}</td>
                <td>
                  <When at={b.created_at} />
                  {b.closed_at && (
                    <>
                      {' '}
                      to <When at={b.closed_at} />
                    </>
                  )}
                </td>
                <td>
                  {b.reappearance_of && (
                    <span data-testid="reappearance-of">
                      Reappeared as a new object: this path belonged to{' '}
                      <Link href={`/library/objects/${b.reappearance_of.config_object_id}`}>an earlier object</Link>, deleted{' '}
                      <When at={b.reappearance_of.deleted_at} />.
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Deleted at the source</h2>
      {tombstones.length === 0 && <p className="muted">No file of this object was deleted in its repository.</p>}
      {tombstones.length > 0 && (
        <ul className="tombstones">
          {tombstones.map((t) => (
            <li key={t.id} data-testid="tombstone">
              <code>
                {t.remote_id}/{t.external_locator}
              </code>{' '}
              deleted in commit <code>{shortSha(t.deleted_source_revision_ref)}</code> <When at={t.created_at} />
              {t.deleted_in_sync_event_id && (
                <>
                  {' '}
                  (<Link href={`/sources/syncs/${t.deleted_in_sync_event_id}`}>sync</Link>)
                </>
              )}
              {t.reappeared_as && (
                <>
                  . The path reappeared as a new object:{' '}
                  <Link href={`/library/objects/${t.reappeared_as.config_object_id}`}>open it</Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
