// One sync: what it read, what it did to each file (created, updated, moved, deleted, errors) and
// why it failed or was held; a failed sync can be retried by an editor of the instance.
import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../../lib/api';
import { shortSha, SyncEvent } from '../../lib/library';
import { orgBase, useCurrentOrg } from '../../lib/org';
import { useAction } from '../../lib/useAction';
import { useLoad } from '../../lib/useLoad';
import { DoneNotice, Facts, Loading, PageHead, StatusTag, When } from '../../ui/bits';
import { ErrorNotice } from '../../ui/Problem';
import { HeldSyncs } from './HeldSyncs';
import { countsLine } from './SyncEventTable';

const RETRYABLE = ['failed', 'completed_with_errors', 'cancelled', 'skipped'];

export default function SyncEventPage({ id }: { id: string }) {
  const org = useCurrentOrg();
  const base = `${orgBase(org.id)}/connector-sync-events/${id}`;
  const sync = useLoad<SyncEvent>(base);
  const { error, run } = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  if (sync.error) {
    return (
      <section className="panel">
        <PageHead title="Sync" crumbs={<Link href="/sources">GitHub sources</Link>} />
        <ErrorNotice error={sync.error} what="open this sync" />
      </section>
    );
  }
  const s = sync.data;
  if (!s) return <Loading what="the sync" />;
  const files = s.summary?.files ?? [];
  const failedFiles = files.filter((f) => f.status !== 'ok');
  const retry = () =>
    run(
      () => api.post(`${base}/retry`),
      () => {
        setNotice('Queued again.');
        return sync.reload();
      },
    );
  return (
    <section className="panel" aria-labelledby="sync-heading">
      <PageHead
        title={<span id="sync-heading">Sync of {s.remote_id}</span>}
        crumbs={
          <>
            <Link href="/sources">GitHub sources</Link> / <Link href={`/sources/instances/${s.connector_instance_id}/syncs`}>instance syncs</Link>
          </>
        }
        actions={
          RETRYABLE.includes(s.status) && (
            <button type="button" onClick={() => void retry()}>
              Retry
            </button>
          )
        }
      >
        <p>
          <StatusTag status={s.status} /> {s.event_type.replace(/_/g, ' ')} {countsLine(s) && <span>· {countsLine(s)}</span>}
        </p>
      </PageHead>
      <DoneNotice message={notice} />
      <ErrorNotice error={error} what="retry the sync" />
      <Facts
        testId="sync-facts"
        facts={[
          ['Commit', s.source_revision_ref && <code>{shortSha(s.source_revision_ref)}</code>],
          ['Delivery', s.external_event_ref],
          ['Started', <When at={s.started_at} />],
          ['Finished', s.completed_at && <When at={s.completed_at} />],
          ['Attempts', String(s.attempts)],
          ['Next attempt', s.next_attempt_at && <When at={s.next_attempt_at} />],
          ['Error', s.summary?.last_error as string | undefined],
          ['Note', s.summary?.reason as string | undefined],
        ]}
      />
      {s.status === 'needs_confirmation' && <HeldSyncs orgId={org.id} instanceId={s.connector_instance_id} canDecide={() => true} />}
      {failedFiles.length > 0 && (
        <p className="notice error" role="note">
          {failedFiles.length} file{failedFiles.length === 1 ? '' : 's'} could not be synced; the others were.
        </p>
      )}
      {files.length > 0 && (
        <table data-testid="sync-files">
          <caption>
            Files{s.summary?.files_truncated ? ' (the first ones only)' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Path</th>
              <th scope="col">Action</th>
              <th scope="col">Result</th>
              <th scope="col">Object</th>
            </tr>
          </thead>
          <tbody>
            {files.map((f, i) => (
              <tr key={`${f.path}-${i}`} className={f.status !== 'ok' ? 'failed' : undefined}>
                <td>
                  <code>{f.path}</code>
                  {f.from_path && (
                    <div className="small muted">
                      moved from <code>{f.from_path}</code>
                    </div>
                  )}
                </td>
                <td>{f.action}</td>
                <td>
                  <StatusTag status={f.status} />
                  {f.error && <div className="field-error">{f.error}</div>}
                  {f.note && <div className="small muted">{f.note}</div>}
                </td>
                <td>{f.config_object_id && <Link href={`/library/objects/${f.config_object_id}`}>open</Link>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
