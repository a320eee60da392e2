import { Rollout, STATE_LABEL } from './model';

/** One line under the workspace header while a rollout is open: versions, share, state. */
export function RolloutStrip({ rollout, onOpen }: { rollout: Rollout | null | undefined; onOpen: () => void }) {
  if (!rollout || (rollout.state !== 'in_progress' && rollout.state !== 'paused')) return null;
  return (
    <div className="notice info" role="status" data-testid="rollout-strip">
      <span>
        Rolling out v{rollout.candidate_version} from v{rollout.stable_version}: step {rollout.step + 1} of{' '}
        {rollout.steps.length}, {rollout.percent}% of the workers
        {rollout.groups.length > 0 && ` and ${rollout.groups.join(', ')}`} ({STATE_LABEL[rollout.state]})
      </span>
      <button type="button" className="ghost" onClick={onOpen}>
        Rollout and fleet
      </button>
    </div>
  );
}
