import { useEffect, useId, useState } from 'react';
import { api, ApiError } from '../../lib/api';
import { ago } from '../../lib/format';
import { connectorPath } from '../../lib/model';
import { Fleet, OPEN_STATES, Rollout, RolloutDefaults, STATE_LABEL, duration, rate, until } from './model';

interface Props {
  connectorId: string;
  fleet: Fleet | null;
  canEdit: boolean;
  onChanged: () => Promise<void>;
  notify: (message: string, tone?: 'error' | 'info') => void;
}

type Action = 'pause' | 'resume' | 'promote' | 'abort';

const ACTION_DONE: Record<Action, string> = {
  pause: 'Rollout paused: no further steps until it is resumed.',
  resume: 'Rollout resumed.',
  promote: 'Rollout promoted: every worker runs the candidate.',
  abort: 'Rollout aborted: every worker goes back to the stable version.',
};

/** The connector's rollout (progress, health, moves, actions), its fleet and its rollout default. */
export function RolloutPanel({ connectorId, fleet, canEdit, onChanged, notify }: Props) {
  const base = connectorPath(connectorId);
  const [busy, setBusy] = useState(false);

  const act = async (action: Action) => {
    setBusy(true);
    try {
      await api.post(`${base}/rollout/${action}`, {});
      notify(ACTION_DONE[action]);
      await onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) notify(`Could not ${action}: ${e.message}`, 'error');
      else if (e instanceof ApiError && e.status === 403) notify('You need the editor role to do this.', 'error');
      else notify(`Could not ${action} the rollout: ${e instanceof Error ? e.message : String(e)}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  if (!fleet) return <p className="muted">Loading the fleet…</p>;
  const rollout = fleet.rollout;
  return (
    <>
      <section className="panel" aria-labelledby="rollout-heading" data-testid="rollout-panel">
        <h2 id="rollout-heading">Rollout</h2>
        {!rollout ? (
          <p className="muted">No rollout yet: every worker runs v{fleet.serving_version}.</p>
        ) : (
          <RolloutDetail rollout={rollout} canEdit={canEdit} busy={busy} onAct={act} />
        )}
      </section>
      <FleetTable fleet={fleet} />
      {canEdit && <DefaultEditor connectorId={connectorId} notify={notify} />}
    </>
  );
}

function RolloutDetail({
  rollout,
  canEdit,
  busy,
  onAct,
}: {
  rollout: Rollout;
  canEdit: boolean;
  busy: boolean;
  onAct: (action: Action) => void;
}) {
  const open = OPEN_STATES.includes(rollout.state);
  const tone = rollout.state === 'completed' ? 'tag ok' : open ? 'tag warn' : rollout.state === 'superseded' ? 'tag' : 'tag error';
  return (
    <div data-testid="rollout-detail">
      <p>
        <span className={tone} data-testid="rollout-state">
          {STATE_LABEL[rollout.state]}
        </span>{' '}
        v{rollout.stable_version} (stable) → v{rollout.candidate_version} (candidate) · <code>{rollout.spec}</code>
      </p>
      {rollout.reason && <p data-testid="rollout-reason">{rollout.reason}</p>}
      <p>
        <label>
          Workers on the candidate: {rollout.percent}%{rollout.groups.length > 0 && ` and ${rollout.groups.join(', ')}`}{' '}
          <progress value={rollout.percent} max={100} />
        </label>
      </p>
      {rollout.next_step_at && open && (
        <p className="muted" title={rollout.next_step_at}>
          {rollout.step === rollout.steps.length - 1 ? 'Completes' : 'Next step'} {until(rollout.next_step_at)} unless the
          thresholds stop it.
        </p>
      )}
      <ol className="item-list" aria-label="Steps" data-testid="rollout-steps">
        {rollout.steps.map((s) => (
          <li key={s.index}>
            <span className={s.status === 'current' ? 'tag warn' : s.status === 'done' ? 'tag ok' : 'tag'}>{s.status}</span>{' '}
            step {s.index + 1}: {s.percent}% of the workers{s.groups.length > 0 && ` and ${s.groups.join(', ')}`} for{' '}
            {duration(s.duration_seconds)}
            {s.index === rollout.steps.length - 1 && ' (bake)'}
          </li>
        ))}
      </ol>
      {rollout.health && (
        <table data-testid="rollout-health" style={{ marginTop: '0.8rem' }}>
          <caption>
            Health: rolls {rollout.thresholds.on_breach === 'pause' ? 'pauses' : 'back'} when the candidate's error rate exceeds the
            stable one's by more than {rate(rollout.thresholds.max_error_rate_increase)} after {rollout.thresholds.min_reports}{' '}
            reports
          </caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Reports</th>
              <th scope="col">Events</th>
              <th scope="col">Errors</th>
              <th scope="col">Error rate</th>
            </tr>
          </thead>
          <tbody>
            {(
              [
                ['candidate', rollout.candidate_version, rollout.health.candidate],
                ['stable', rollout.stable_version, rollout.health.stable],
              ] as const
            ).map(([label, version, c]) => (
              <tr key={label}>
                <th scope="row">
                  v{version} ({label})
                </th>
                <td>{c.reports}</td>
                <td>{c.events}</td>
                <td>{c.errors}</td>
                <td>{rate(c.error_rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && open && (
        <div className="row-actions" role="group" aria-label="Rollout actions" style={{ marginTop: '0.8rem' }}>
          {rollout.state === 'in_progress' && (
            <button type="button" disabled={busy} onClick={() => onAct('pause')}>
              Pause
            </button>
          )}
          {rollout.state === 'paused' && (
            <button type="button" disabled={busy} onClick={() => onAct('resume')}>
              Resume
            </button>
          )}
          <button type="button" disabled={busy} onClick={() => onAct('promote')}>
            Promote to every worker
          </button>
          <button type="button" className="danger" disabled={busy} onClick={() => onAct('abort')}>
            Abort
          </button>
        </div>
      )}
      {rollout.moves && rollout.moves.length > 0 && (
        <details>
          <summary>Pointer moves ({rollout.moves.length})</summary>
          <ul data-testid="rollout-moves">
            {rollout.moves.map((m) => (
              <li key={m.seq}>
                {ago(m.moved_at)}: {m.state}, {m.percent}% by {m.actor}
                {m.reason && ` (${m.reason})`}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function FleetTable({ fleet }: { fleet: Fleet }) {
  return (
    <section className="panel" aria-labelledby="fleet-heading">
      <h2 id="fleet-heading">Fleet</h2>
      <p className="muted" data-testid="fleet-summary">
        {fleet.summary.workers} worker(s) reporting
        {fleet.summary.versions.map((v) => ` · v${v.version}: ${v.workers}`).join('')}
      </p>
      {fleet.items.length > 0 && (
        <table data-testid="fleet-table">
          <thead>
            <tr>
              <th scope="col">Worker</th>
              <th scope="col">Group</th>
              <th scope="col">Runs</th>
              <th scope="col">Should run</th>
              <th scope="col">Last report</th>
              <th scope="col">Errors / events</th>
            </tr>
          </thead>
          <tbody>
            {fleet.items.map((w) => (
              <tr key={w.worker_id}>
                <th scope="row">
                  <code>{w.worker_id}</code>
                </th>
                <td>{w.group ?? ''}</td>
                <td>v{w.version}</td>
                <td>
                  v{w.target_version}{' '}
                  {w.on_target ? <span className="tag ok">on target</span> : <span className="tag warn">behind {duration(w.lag_seconds)}</span>}
                </td>
                <td title={w.last_report_at}>{ago(w.last_report_at)}</td>
                <td>
                  {w.errors} / {w.events}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {fleet.next_cursor && <p className="muted">Showing the first {fleet.items.length} workers by id.</p>}
    </section>
  );
}

function DefaultEditor({ connectorId, notify }: { connectorId: string; notify: Props['notify'] }) {
  const path = `${connectorPath(connectorId)}/rollout-defaults`;
  const inputId = useId();
  const [defaults, setDefaults] = useState<RolloutDefaults | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.get<{ item: RolloutDefaults }>(path).then(
      (res) => {
        setDefaults(res.data.item);
        setText(res.data.item.connector ? res.data.item.effective_spec : '');
      },
      () => undefined,
    );
  }, [path]);

  const save = async () => {
    try {
      const res = text.trim()
        ? await api.put<{ item: RolloutDefaults }>(path, { rollout: text.trim() })
        : (await api.del(path), await api.get<{ item: RolloutDefaults }>(path));
      setDefaults(res.data.item);
      setError(null);
      notify(`Publishes of this connector now roll out as ${res.data.item.effective_spec}.`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) setError(e.problem.errors?.map((x) => x.message).join('; ') ?? e.message);
      else notify(`Could not save the rollout default: ${e instanceof Error ? e.message : String(e)}`, 'error');
    }
  };

  return (
    <section className="panel" aria-labelledby="rollout-default-heading">
      <h2 id="rollout-default-heading">How publishes roll out</h2>
      <p className="muted">
        Now: <code data-testid="effective-rollout">{defaults?.effective_spec ?? '…'}</code>. Empty uses the organisation's default
        (else all at once).
      </p>
      <div className="add-row">
        <label htmlFor={inputId}>Connector default</label>
        <input
          id={inputId}
          value={text}
          placeholder="linear:25%/10m/bake=30m"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="button" onClick={save}>
          Save
        </button>
      </div>
      {error && (
        <p className="notice error" id={`${inputId}-error`} role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
