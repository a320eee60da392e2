// A plugin's releases: snapshots of what it shipped, cut by hand or by access changes, syncs and
// rollbacks; any release diffed against what the plugin ships now (?release=<id> in the address).
import { useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { api } from '../../lib/api';
import { hasRole, Plugin, Release, ReleaseDiff, ReleaseDiffEntry, shortId } from '../../lib/library';
import { orgBase } from '../../lib/org';
import { useAction } from '../../lib/useAction';
import { useLoad, usePaged } from '../../lib/useLoad';
import { ListStatus, Loading, More, When } from '../../ui/bits';
import { ErrorNotice } from '../../ui/Problem';
import { Modal } from '../../components/Modal';

export function PluginReleases({ orgId, plugin }: { orgId: string; plugin: Plugin }) {
  const base = `${orgBase(orgId)}/plugins/${plugin.id}/releases`;
  const releases = usePaged<Release>(base, 50);
  const chosen = new URLSearchParams(useSearch()).get('release');
  const [, navigate] = useLocation();
  const [notes, setNotes] = useState('');
  const { error, run } = useAction();
  const canEdit = hasRole(plugin.your_role, 'editor');

  const cut = () =>
    run(
      () => api.post(base, { notes: notes || undefined }),
      () => {
        setNotes('');
        return releases.reload();
      },
    );

  return (
    <div data-testid="plugin-releases">
      {canEdit && (
        <form
          className="add-row"
          aria-label="New release"
          onSubmit={(e) => {
            e.preventDefault();
            void cut();
          }}
        >
          <label>
            Release notes
            <input value={notes} onChange={(e) => setNotes(e.target.value)} data-testid="release-notes" />
          </label>
          <button type="submit" className="primary">
            Cut a release
          </button>
        </form>
      )}
      <ErrorNotice error={releases.error ?? error} what="cut a release" />
      <ListStatus items={releases.items} error={releases.error} what="releases" empty="No release yet." />
      {releases.items && releases.items.length > 0 && (
        <table data-testid="release-list">
          <caption className="visually-hidden">Releases, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Release</th>
              <th scope="col">Kind</th>
              <th scope="col">Objects</th>
              <th scope="col">Cut</th>
              <th scope="col">Compare</th>
            </tr>
          </thead>
          <tbody>
            {releases.items.map((r) => (
              <tr key={r.id} className={r.id === chosen ? 'selected' : undefined}>
                <td>{r.notes || <code>{shortId(r.id)}</code>}</td>
                <td>{r.release_kind.replace('_', ' ')}</td>
                <td>{r.item_count}</td>
                <td>
                  <When at={r.created_at} />
                </td>
                <td>
                  <Link href={`/plugins/${plugin.id}/releases?release=${r.id}`} aria-current={r.id === chosen ? 'true' : undefined}>
                    Diff “{r.notes || shortId(r.id)}” against now
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <More next={releases.next} loading={releases.loading} onMore={() => void releases.more()} what="releases" />
      {chosen && (
        <ReleaseDiffView
          orgId={orgId}
          plugin={plugin}
          releaseId={chosen}
          onRolledBack={() => {
            void releases.reload();
            navigate(`/plugins/${plugin.id}/releases`);
          }}
        />
      )}
    </div>
  );
}

function ReleaseDiffView({ orgId, plugin, releaseId, onRolledBack }: { orgId: string; plugin: Plugin; releaseId: string; onRolledBack: () => void }) {
  const base = `${orgBase(orgId)}/plugins/${plugin.id}/releases/${releaseId}`;
  const diff = useLoad<ReleaseDiff>(`${base}/diff`);
  const [confirming, setConfirming] = useState(false);
  const { error, run } = useAction();
  if (diff.error) return <ErrorNotice error={diff.error} what="diff the release" />;
  if (!diff.data) return <Loading what="the diff" />;
  const d = diff.data;
  const same = d.added.length + d.removed.length + d.changed.length === 0;
  const rollback = async () => {
    setConfirming(false);
    await run(() => api.post(`${base}/rollback`), onRolledBack);
  };
  return (
    <section className="release-diff" aria-labelledby="release-diff-heading" data-testid="release-diff">
      <h2 id="release-diff-heading">This release compared with now</h2>
      {same ? (
        <p>The plugin ships exactly this release now ({d.unchanged_count} unchanged).</p>
      ) : (
        <p>
          {d.added.length} added since, {d.removed.length} removed since, {d.changed.length} changed, {d.unchanged_count} unchanged.
        </p>
      )}
      <DiffList title="Added since the release" entries={d.added} tone="added" />
      <DiffList title="Removed since the release" entries={d.removed} tone="removed" />
      <DiffList title="Changed since the release" entries={d.changed} tone="changed" />
      <ErrorNotice error={error} what="roll back" />
      {!same && hasRole(plugin.your_role, 'editor') && (
        <button type="button" onClick={() => setConfirming(true)}>
          Roll back to this release
        </button>
      )}
      {confirming && (
        <Modal
          title="Roll back to this release?"
          onClose={() => setConfirming(false)}
          footer={
            <>
              <button type="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
              <button type="button" className="primary" onClick={() => void rollback()}>
                Roll back
              </button>
            </>
          }
        >
          <p>
            The plugin's members go back to this release and each changed object gets a new version with the release's content. History
            stays; a system release records the rollback.
          </p>
        </Modal>
      )}
    </section>
  );
}

function DiffList({ title, entries, tone }: { title: string; entries: ReleaseDiffEntry[]; tone: string }) {
  if (entries.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul className="diff-list">
        {entries.map((e) => (
          <li key={e.config_object_id}>
            <span className={`tag ${tone}`}>{tone}</span> <Link href={`/library/objects/${e.config_object_id}`}>{e.title ?? shortId(e.config_object_id)}</Link>{' '}
            <span className="muted small">({e.object_type})</span>
            {e.release_version_id && e.current_version_id && (
              <>
                {' '}
                <Link href={`/library/objects/${e.config_object_id}/history?from=${e.release_version_id}&to=${e.current_version_id}`}>what changed</Link>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
