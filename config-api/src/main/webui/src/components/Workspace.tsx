import { useState } from 'react';
import { api, ApiError, NetworkError } from '../lib/api';
import { canEdit as roleCanEdit, currentToken } from '../lib/auth';
import { Conflict, Resolutions } from '../lib/conflicts';
import { groupErrors } from '../lib/fieldErrors';
import { ago } from '../lib/format';
import { Draft, PublishReceipt, connectorPath } from '../lib/model';
import { useWorkspace } from '../lib/useWorkspace';
import { Banner } from './Banner';
import { ConflictModal } from './ConflictModal';
import { Buffers, DraftEditor, Errors } from './DraftEditor';
import { DraftHistory } from './DraftHistory';
import { PublishModal } from './PublishModal';
import { ReviewModal } from './ReviewModal';
import { ReviewPanel } from './review/ReviewPanel';
import { refusalMessage } from './review/reviewApi';
import { VersionHistory } from './VersionHistory';
import { RolloutPanel } from './rollout/RolloutPanel';
import { RolloutStrip } from './rollout/RolloutStrip';
import { useFleet } from './rollout/useFleet';

type Tab = 'draft' | 'versions' | 'history' | 'rollout';
type Notice = { message: string; tone: 'error' | 'info' } | null;

/** `conflicts[]` of a 409 rebase-conflict: `null` values mean the member was removed on that side. */
function toConflicts(raw: Array<Record<string, unknown>> | undefined): Conflict[] {
  return (raw ?? []).map((c) => ({
    pointer: String(c.pointer),
    mine: c.draft_value ?? undefined,
    theirs: c.active_value ?? undefined,
  }));
}

export function Workspace({ id, onBack }: { id: string; onBack: () => void }) {
  const ws = useWorkspace(id);
  const fleet = useFleet(id);
  const [tab, setTab] = useState<Tab>('draft');
  const [buffers, setBuffers] = useState<Buffers>({});
  const [errors, setErrors] = useState<Errors>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [reviewing, setReviewing] = useState(false);
  // the base the user reviewed: a publish by someone else after that makes this publish stale
  const [publishing, setPublishing] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<{ conflicts: Conflict[] | null; active: number; base: number } | null>(null);
  const base = connectorPath(id);

  if (ws.loadError) {
    const e = ws.loadError;
    const msg = e instanceof ApiError && e.status === 404 ? 'This connector does not exist or you cannot see it.' : e.message;
    return (
      <section className="panel">
        <p className="notice error">{msg}</p>
        <button type="button" onClick={onBack}>
          Back to connectors
        </button>
      </section>
    );
  }
  if (!ws.connector || !ws.draft) return <p className="muted">Loading…</p>;
  const { connector, draft, active, status } = ws;
  const editable = roleCanEdit(currentToken(), connector.organization_id);
  const notify = (message: string, tone: 'error' | 'info' = 'info') => setNotice({ message, tone });

  const failure = (e: unknown, what: string) => {
    if (e instanceof ApiError && e.status === 403) notify('You need the editor role to do this.', 'error');
    else if (e instanceof NetworkError) notify(`Could not reach PlugSync to ${what}. Nothing changed; try again.`, 'error');
    else if (e instanceof ApiError && e.status !== 401) notify(`Could not ${what}: ${e.message}`, 'error');
  };

  const publish = async (message: string, baseVersion: number) => {
    setBusy(true);
    try {
      const res = await api.post<PublishReceipt>(`${base}/publish`, { base_version: baseVersion, message: message || null });
      setPublishing(null);
      setReviewing(false);
      setConflict(null);
      setErrors({});
      notify(`Published v${res.data.version}.`);
      await ws.refresh();
    } catch (e) {
      setPublishing(null);
      if (e instanceof ApiError && e.status === 409 && e.reason === 'stale-base-version') {
        setReviewing(false);
        setConflict({ conflicts: null, active: Number(e.problem.active_version ?? draft.active_version), base: baseVersion });
      } else if (e instanceof ApiError && e.status === 409 && e.reason === 'no-changes') {
        notify('Nothing to publish: the draft equals the active version.');
      } else if (refusalMessage(e)) {
        setReviewing(false);
        notify(refusalMessage(e)!, 'error');
      } else if (e instanceof ApiError && e.status === 422) {
        setReviewing(false);
        const grouped = groupErrors(e.problem.errors);
        setErrors(grouped);
        setTab('draft');
        notify('The draft is not valid: see the errors next to each field.', 'error');
      } else {
        failure(e, 'publish');
      }
    } finally {
      setBusy(false);
    }
  };

  const reset = async () => {
    setBusy(true);
    try {
      await api.post(`${base}/draft/reset`, {});
      setBuffers({});
      setErrors({});
      setConflict(null);
      notify('Draft reset to the active version.');
      await ws.refresh();
    } catch (e) {
      failure(e, 'reset the draft');
    } finally {
      setBusy(false);
    }
  };

  const rebase = async (resolutions?: Resolutions) => {
    setBusy(true);
    try {
      const rebased = await api.post<Draft>(`${base}/draft/rebase`, resolutions ? { resolutions } : {});
      ws.setDraft(rebased.data, rebased.etag);
      setBuffers({});
      await publish('', rebased.data.base_version);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && Array.isArray(e.problem.conflicts)) {
        const conflicts = toConflicts(e.problem.conflicts as Array<Record<string, unknown>>);
        setConflict((c) => ({ conflicts, active: c?.active ?? draft.active_version, base: c?.base ?? draft.base_version }));
      } else {
        failure(e, 'rebase');
      }
    } finally {
      setBusy(false);
    }
  };

  const restore = async (version: number) => {
    try {
      await api.post(`${base}/draft/restore`, { version });
      setBuffers({});
      setErrors({});
      notify(`Restored v${version} into the draft. Nothing is published until you publish.`);
      setTab('draft');
      await ws.refresh();
    } catch (e) {
      failure(e, 'restore');
    }
  };

  const tabs: [Tab, string][] = [
    ['draft', 'Draft'],
    ['versions', 'Versions'],
    ['history', 'Draft history'],
    ['rollout', 'Rollout and fleet'],
  ];

  return (
    <div className="workspace">
      <nav aria-label="Breadcrumb" className="crumbs">
        <a
          href="/"
          onClick={(e) => {
            e.preventDefault();
            onBack();
          }}
        >
          Connectors
        </a>{' '}
        / {connector.display_name || connector.name}
      </nav>
      <header className="ws-head">
        <div>
          <h1>{connector.display_name || connector.name}</h1>
          <p className="muted">
            {connector.name} · {connector.kind}
          </p>
        </div>
        <div className="version-box" data-testid="version-label">
          {active ? (
            <>
              <span className="version-label">
                v{active.version}, published {ago(active.published_at)} by {active.published_by}
              </span>
              {status && (
                <span
                  className={status.replicated ? 'tag ok' : 'tag warn'}
                  data-testid="replication-state"
                  title={status.replicated_at ?? undefined}
                >
                  {status.replicated ? 'replicated' : 'committed'}
                </span>
              )}
            </>
          ) : (
            <span className="version-label">No published version yet</span>
          )}
        </div>
      </header>
      <RolloutStrip rollout={fleet.fleet?.rollout} onOpen={() => setTab('rollout')} />
      {!editable && (
        <p className="notice info" data-testid="read-only">
          You can read this connector. You need the editor role to change or publish it.
        </p>
      )}
      <Banner
        draft={draft}
        lastChange={ws.lastChange}
        canEdit={editable}
        onReview={() => setReviewing(true)}
        onPublish={() => setPublishing(draft.base_version)}
      />
      <ReviewPanel connectorId={id} draft={draft} canEdit={editable} notify={notify} />
      {notice && (
        <div className={`notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="notice">
          <span>{notice.message}</span>
          <button type="button" className="ghost" aria-label="Dismiss" onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      )}
      <div className="tabs" role="group" aria-label="Workspace sections">
        {tabs.map(([t, label]) => (
          <button key={t} type="button" aria-pressed={tab === t} onClick={() => setTab(t)}>
            {label}
          </button>
        ))}
        {editable && (
          <button type="button" className="ghost right" onClick={reset} disabled={busy || !draft.has_unpublished_changes}>
            Reset draft
          </button>
        )}
      </div>
      {tab === 'draft' && (
        <DraftEditor
          connectorId={id}
          draft={draft}
          etag={ws.etag}
          canEdit={editable}
          buffers={buffers}
          setBuffers={setBuffers}
          errors={errors}
          setErrors={setErrors}
          onSaved={ws.refresh}
          notify={notify}
        />
      )}
      {tab === 'versions' && (
        <VersionHistory connectorId={id} activeVersion={draft.active_version} canEdit={editable} onRestore={restore} />
      )}
      {tab === 'history' && <DraftHistory connectorId={id} revision={draft.revision} />}
      {tab === 'rollout' && (
        <RolloutPanel connectorId={id} fleet={fleet.fleet} canEdit={editable} onChanged={fleet.refresh} notify={notify} />
      )}
      {reviewing && (
        <ReviewModal
          draft={draft}
          active={active}
          canEdit={editable}
          onClose={() => setReviewing(false)}
          onPublish={() => {
            setReviewing(false);
            setPublishing(draft.base_version);
          }}
        />
      )}
      {publishing !== null && (
        <PublishModal
          baseVersion={publishing}
          busy={busy}
          onCancel={() => setPublishing(null)}
          onConfirm={(m) => publish(m, publishing)}
        />
      )}
      {conflict && (
        <ConflictModal
          baseVersion={conflict.base}
          activeVersion={conflict.active}
          conflicts={conflict.conflicts}
          busy={busy}
          onReset={reset}
          onKeepEditing={() => setConflict(null)}
          onRebase={rebase}
        />
      )}
    </div>
  );
}
