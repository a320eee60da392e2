import { useReducer } from 'react';
import { Modal } from './Modal';
import { Conflict, Resolutions, initialResolution, isComplete, resolutionReducer, toResolutions, unresolved } from '../lib/conflicts';
import { pretty } from '../lib/format';

interface Props {
  baseVersion: number;
  activeVersion: number;
  conflicts: Conflict[] | null;
  busy: boolean;
  onReset: () => void;
  onKeepEditing: () => void;
  onRebase: (resolutions?: Resolutions) => void;
}

/** Shown when a publish is stale: reset, keep editing, or rebase (with per-path choices on conflict). */
export function ConflictModal({ baseVersion, activeVersion, conflicts, busy, onReset, onKeepEditing, onRebase }: Props) {
  const [state, dispatch] = useReducer(resolutionReducer, initialResolution);
  if (conflicts && conflicts !== state.conflicts) {
    dispatch({ type: 'load', conflicts });
  }
  const pending = conflicts && conflicts.length > 0;
  return (
    <Modal
      title="Someone published first"
      onClose={onKeepEditing}
      wide={!!pending}
      testId="conflict-modal"
      footer={
        <>
          <button type="button" onClick={onKeepEditing}>
            Keep editing
          </button>
          <button type="button" className="danger" onClick={onReset} disabled={busy}>
            Reset draft
          </button>
          {pending ? (
            <button
              type="button"
              className="primary"
              disabled={busy || !isComplete(state)}
              onClick={() => onRebase(toResolutions(state))}
            >
              Apply choices and publish
            </button>
          ) : (
            <button type="button" className="primary" onClick={() => onRebase()} disabled={busy}>
              Rebase
            </button>
          )}
        </>
      }
    >
      <p>
        Your draft is based on v{baseVersion}, but v{activeVersion} is active now. Nothing was published.
      </p>
      <ul className="choices">
        <li>
          <strong>Reset draft</strong>: drop your changes and start from v{activeVersion}.
        </li>
        <li>
          <strong>Keep editing</strong>: close this and keep your draft as it is.
        </li>
        <li>
          <strong>Rebase</strong>: apply your changes on top of v{activeVersion}, then publish.
        </li>
      </ul>
      {pending && (
        <fieldset className="conflicts" data-testid="conflict-list">
          <legend>
            {conflicts!.length} conflicting path{conflicts!.length > 1 ? 's' : ''}: pick a side for each
            {unresolved(state).length > 0 ? ` (${unresolved(state).length} left)` : ''}
          </legend>
          <div className="bulk">
            <button type="button" onClick={() => dispatch({ type: 'chooseAll', choice: 'mine' })}>
              All mine
            </button>
            <button type="button" onClick={() => dispatch({ type: 'chooseAll', choice: 'theirs' })}>
              All theirs
            </button>
          </div>
          {conflicts!.map((c) => (
            <div className="conflict" key={c.pointer} role="group" aria-label={`Conflict at ${c.pointer}`}>
              <code className="pointer">{c.pointer}</code>
              <div className="sides">
                {(['mine', 'theirs'] as const).map((side) => (
                  <label key={side} className={state.choices[c.pointer] === side ? 'side chosen' : 'side'}>
                    <input
                      type="radio"
                      name={`conflict-${c.pointer}`}
                      value={side}
                      checked={state.choices[c.pointer] === side}
                      onChange={() => dispatch({ type: 'choose', pointer: c.pointer, choice: side })}
                    />
                    {side === 'mine' ? 'Mine (draft)' : `Theirs (v${activeVersion})`}
                    <pre>{present(c, side) ? pretty(side === 'mine' ? c.mine : c.theirs) : '(removed)'}</pre>
                  </label>
                ))}
              </div>
            </div>
          ))}
        </fieldset>
      )}
    </Modal>
  );
}

function present(c: Conflict, side: 'mine' | 'theirs'): boolean {
  const flag = side === 'mine' ? c.mine_present : c.theirs_present;
  if (flag !== undefined) return flag;
  return (side === 'mine' ? c.mine : c.theirs) !== undefined;
}
