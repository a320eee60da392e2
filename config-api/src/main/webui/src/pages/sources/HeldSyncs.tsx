// Syncs the mass-deletion guard held: what each would delete, and the admin's decision: confirm
// the deletions (the sync runs with them) or discard the sync (nothing is deleted).
import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../../lib/api';
import { HeldSync, query, shortSha } from '../../lib/library';
import { orgBase } from '../../lib/org';
import { useAction } from '../../lib/useAction';
import { usePaged } from '../../lib/useLoad';
import { DoneNotice, When } from '../../ui/bits';
import { ErrorNotice } from '../../ui/Problem';
import { Modal } from '../../components/Modal';

export function HeldSyncs({ orgId, instanceId, canDecide }: { orgId: string; instanceId?: string; canDecide: (instanceId: string) => boolean }) {
  const base = `${orgBase(orgId)}/connector-sync-events`;
  const held = usePaged<HeldSync>(`${base}/held${query({ connector_instance_id: instanceId })}`, 20);
  const [deciding, setDeciding] = useState<{ sync: HeldSync; action: 'confirm-deletions' | 'discard' } | null>(null);
  const { error, run } = useAction();
  const [done, setDone] = useState<string | null>(null);

  if (!held.items || held.items.length === 0) return held.error ? <ErrorNotice error={held.error} what="list held syncs" /> : null;

  const decide = async () => {
    if (!deciding) return;
    const { sync, action } = deciding;
    setDeciding(null);
    await run(
      () => api.post(`${base}/${sync.id}/${action}`),
      () => {
        setDone(action === 'discard' ? 'Sync discarded: nothing was deleted.' : `Deletions confirmed: the sync of ${sync.repository} runs again with them.`);
        return held.reload();
      },
    );
  };

  return (
    <section className="held" aria-labelledby="held-heading" data-testid="held-syncs">
      <h2 id="held-heading">Held syncs: deletions to confirm</h2>
      <DoneNotice message={done} />
      <ErrorNotice error={error} what="decide on the held sync" />
      {held.items.map((s) => (
        <article key={s.id} className="held-sync" aria-label={`Held sync of ${s.repository}`}>
          <p>
            <strong>{s.repository}</strong> at <code>{shortSha(s.revision)}</code> would delete{' '}
            <strong>
              {s.planned_deletions} of {s.live_objects}
            </strong>{' '}
            objects (held <When at={s.held_at} />, <Link href={`/sources/syncs/${s.id}`}>details</Link>).
          </p>
          <details>
            <summary>Files it would delete ({s.deleted_paths.length})</summary>
            <ul className="paths">
              {s.deleted_paths.map((p) => (
                <li key={p}>
                  <code>{p}</code>
                </li>
              ))}
            </ul>
          </details>
          {canDecide(s.connector_instance_id) && (
            <div className="row-actions">
              <button type="button" className="danger" onClick={() => setDeciding({ sync: s, action: 'confirm-deletions' })}>
                Confirm deletions
              </button>
              <button type="button" onClick={() => setDeciding({ sync: s, action: 'discard' })}>
                Discard sync
              </button>
            </div>
          )}
        </article>
      ))}
      {deciding && (
        <Modal
          title={deciding.action === 'discard' ? 'Discard this sync?' : `Delete ${deciding.sync.planned_deletions} objects?`}
          onClose={() => setDeciding(null)}
          footer={
            <>
              <button type="button" onClick={() => setDeciding(null)}>
                Cancel
              </button>
              <button type="button" className={deciding.action === 'discard' ? 'primary' : 'danger'} onClick={() => void decide()}>
                {deciding.action === 'discard' ? 'Discard' : 'Confirm deletions'}
              </button>
            </>
          }
        >
          {deciding.action === 'discard' ? (
            <p>Nothing is deleted. The next push or resync plans again from the repository.</p>
          ) : (
            <p>
              The sync runs with these deletions: each object gets a deleted version and a tombstone. If its file comes back later, it comes back
              as a new object.
            </p>
          )}
        </Modal>
      )}
    </section>
  );
}
