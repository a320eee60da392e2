// The repository branches of an instance: add one (its initial sync is queued at once), change
// its branch (queues a resync), resync now.
import { useState } from 'react';
import { api } from '../../lib/api';
import { Instance, shortSha, Target } from '../../lib/library';
import { orgBase } from '../../lib/org';
import { useAction } from '../../lib/useAction';
import { usePaged } from '../../lib/useLoad';
import { DoneNotice, ListStatus, StatusTag, When } from '../../ui/bits';
import { Field } from '../../ui/Field';
import { errorsAt, ErrorNotice } from '../../ui/Problem';

export function Targets({ orgId, instance, canEdit }: { orgId: string; instance: Instance; canEdit: boolean }) {
  const base = `${orgBase(orgId)}/connector-instances/${instance.id}/targets`;
  const targets = usePaged<Target>(base, 100);
  const { error, run } = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [branchOf, setBranchOf] = useState<{ id: string; branch: string } | null>(null);

  const act = (what: () => Promise<unknown>, done: string) => {
    setNotice(null);
    return run(what, () => {
      setNotice(done);
      setBranchOf(null);
      return targets.reload();
    });
  };

  return (
    <div data-testid="targets">
      <DoneNotice message={notice} />
      <ErrorNotice error={targets.error ?? error} what="change the target" />
      <ListStatus items={targets.items} error={targets.error} what="targets" empty="No repository yet." />
      {targets.items && targets.items.length > 0 && (
        <table>
          <caption className="visually-hidden">Targets</caption>
          <thead>
            <tr>
              <th scope="col">Repository</th>
              <th scope="col">Branch</th>
              <th scope="col">Status</th>
              <th scope="col">Synced commit</th>
              <th scope="col">Updated</th>
              {canEdit && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {targets.items.map((t) => (
              <tr key={t.id}>
                <td>
                  <code>{t.remote_id}</code>
                </td>
                <td>
                  {branchOf?.id === t.id ? (
                    <form
                      className="inline"
                      onSubmit={(e) => {
                        e.preventDefault();
                        void act(
                          () => api.patch(`${orgBase(orgId)}/connector-targets/${t.id}`, { external_target_ref: branchOf.branch }, { contentType: 'application/json' }),
                          `Branch changed to ${branchOf.branch}: a resync is queued.`,
                        );
                      }}
                    >
                      <label>
                        <span className="visually-hidden">Branch of {t.remote_id}</span>
                        <input value={branchOf.branch} onChange={(e) => setBranchOf({ id: t.id, branch: e.target.value })} />
                      </label>
                      <button type="submit">Save</button>
                    </form>
                  ) : (
                    <code>{t.external_target_ref}</code>
                  )}
                </td>
                <td>
                  <StatusTag status={t.status} />
                </td>
                <td>{t.last_synced_revision_ref ? <code>{shortSha(t.last_synced_revision_ref)}</code> : <span className="muted">not yet</span>}</td>
                <td>
                  <When at={t.updated_at} />
                </td>
                {canEdit && (
                  <td className="row-actions">
                    <button type="button" onClick={() => void act(() => api.post(`${base}/${t.id}/resync`), `Resync of ${t.remote_id} queued.`)}>
                      Resync {t.remote_id}
                    </button>
                    {branchOf?.id !== t.id && (
                      <button type="button" onClick={() => setBranchOf({ id: t.id, branch: t.external_target_ref })}>
                        Change branch
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && (
        <AddTarget
          base={base}
          onDone={(repo) => {
            setNotice(`Added ${repo}: its first sync is queued.`);
            void targets.reload();
          }}
        />
      )}
    </div>
  );
}

function AddTarget({ base, onDone }: { base: string; onDone: (repo: string) => void }) {
  const [repo, setRepo] = useState('');
  const [branch, setBranch] = useState('main');
  const { error, run } = useAction();
  const add = () =>
    run(
      () => api.post(base, { remote_id: repo.trim(), external_target_ref: branch.trim() }),
      () => {
        onDone(repo.trim());
        setRepo('');
      },
    );
  return (
    <form
      className="add-row"
      aria-label="Add a repository"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <Field label="Repository (owner/name)" errors={errorsAt(error, '/remote_id')}>
        <input value={repo} onChange={(e) => setRepo(e.target.value)} placeholder="acme/agent-skills" data-testid="target-repo" />
      </Field>
      <Field label="Branch" errors={errorsAt(error, '/external_target_ref')}>
        <input value={branch} onChange={(e) => setBranch(e.target.value)} data-testid="target-branch" />
      </Field>
      <button type="submit" className="primary" disabled={!repo.trim()}>
        Add repository
      </button>
      <ErrorNotice error={error} what="add the repository" />
    </form>
  );
}
