import { Link } from 'wouter';
import { shortSha, SyncEvent } from '../../lib/library';
import { StatusTag, When } from '../../ui/bits';

const COUNTS: Array<[string, string, string]> = [
  ['created', 'created', 'created'],
  ['updated', 'updated', 'updated'],
  ['moved', 'moved', 'moved'],
  ['deleted', 'deleted', 'deleted'],
  ['errors', 'error', 'errors'],
];

/** "3 created, 1 updated, 2 errors" of a finished sync (zero counts left out), in a fixed order. */
export function countsLine(event: SyncEvent): string {
  const counts = event.summary?.counts;
  if (!counts) return '';
  return COUNTS.filter(([key]) => (counts[key] ?? 0) > 0)
    .map(([key, one, many]) => `${counts[key]} ${counts[key] === 1 ? one : many}`)
    .join(', ');
}

export function SyncEventTable({ events }: { events: SyncEvent[] }) {
  if (events.length === 0) return <p className="muted">No syncs yet.</p>;
  return (
    <table data-testid="sync-list">
      <caption className="visually-hidden">Syncs, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Sync</th>
          <th scope="col">Repository</th>
          <th scope="col">Commit</th>
          <th scope="col">Status</th>
          <th scope="col">Changes</th>
          <th scope="col">Started</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id}>
            <td>
              <Link href={`/sources/syncs/${e.id}`}>{e.event_type.replace(/_/g, ' ')}</Link>
            </td>
            <td>{e.remote_id}</td>
            <td>{e.source_revision_ref ? <code>{shortSha(e.source_revision_ref)}</code> : ''}</td>
            <td>
              <StatusTag status={e.status} />
            </td>
            <td>{countsLine(e) || (e.summary?.last_error ? 'error' : '')}</td>
            <td>
              <When at={e.started_at} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
