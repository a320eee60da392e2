import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { RolloutPanel } from './RolloutPanel';
import { Fleet, Rollout } from './model';
import { RolloutStrip } from './RolloutStrip';

afterEach(cleanup);

const rollout: Rollout = {
  id: 'r-1',
  strategy: 'linear',
  state: 'in_progress',
  spec: 'linear:25%/10m/bake=30m',
  stable_version: 4,
  candidate_version: 5,
  step: 1,
  percent: 50,
  groups: [],
  steps: [
    { index: 0, percent: 25, groups: [], duration_seconds: 600, status: 'done' },
    { index: 1, percent: 50, groups: [], duration_seconds: 600, status: 'current' },
    { index: 2, percent: 100, groups: [], duration_seconds: 1800, status: 'pending' },
  ],
  next_step_at: '2030-01-01T00:00:00Z',
  thresholds: { max_error_rate_increase: 0.05, min_reports: 10, on_breach: 'rollback' },
  health: {
    candidate: { reports: 12, events: 1200, errors: 12, error_rate: 0.01 },
    stable: { reports: 30, events: 3000, errors: 15, error_rate: 0.005 },
    breached: false,
  },
  moves: [],
  created_by: 'editor',
  created_at: '2030-01-01T00:00:00Z',
};

const fleet = (r: Rollout | null): Fleet => ({
  active_version: 5,
  serving_version: 4,
  summary: { workers: 2, versions: [{ version: 5, workers: 1 }, { version: 4, workers: 1 }] },
  rollout: r,
  items: [
    { worker_id: 'pod-1', version: 5, target_version: 5, on_target: true, lag_seconds: 0, last_report_at: '2030-01-01T00:00:00Z', report_age_seconds: 1, events: 10, errors: 0 },
    { worker_id: 'pod-2', version: 4, target_version: 5, on_target: false, lag_seconds: 90, last_report_at: '2030-01-01T00:00:00Z', report_age_seconds: 1, events: 10, errors: 1 },
  ],
  next_cursor: null,
});

function renderPanel(r: Rollout | null, canEdit: boolean) {
  render(<RolloutPanel connectorId="c-1" fleet={fleet(r)} canEdit={canEdit} onChanged={vi.fn()} notify={vi.fn()} />);
}

describe('RolloutPanel', () => {
  it('shows the steps, the health and the fleet with each worker against its target', () => {
    renderPanel(rollout, false);
    expect(screen.getByTestId('rollout-state').textContent).toBe('rolling out');
    const steps = within(screen.getByTestId('rollout-steps')).getAllByRole('listitem');
    expect(steps.map((s) => s.textContent)).toEqual([
      'done step 1: 25% of the workers for 10m',
      'current step 2: 50% of the workers for 10m',
      'pending step 3: 100% of the workers for 30m (bake)',
    ]);
    expect(screen.getByTestId('rollout-health').textContent).toContain('1.00 %');
    const rows = within(screen.getByTestId('fleet-table')).getAllByRole('row');
    expect(rows[2].textContent).toContain('behind 1m 30s');
    expect(screen.getByTestId('fleet-summary').textContent).toBe('2 worker(s) reporting · v5: 1 · v4: 1');
  });

  it('offers the actions that fit the state to editors only', () => {
    renderPanel(rollout, false);
    expect(screen.queryByRole('group', { name: 'Rollout actions' })).toBeNull();
    cleanup();
    renderPanel(rollout, true);
    const actions = within(screen.getByRole('group', { name: 'Rollout actions' }));
    expect(actions.getAllByRole('button').map((b) => b.textContent)).toEqual(['Pause', 'Promote to every worker', 'Abort']);
    cleanup();
    renderPanel({ ...rollout, state: 'paused' }, true);
    expect(screen.getByRole('button', { name: 'Resume' })).toBeTruthy();
    cleanup();
    renderPanel({ ...rollout, state: 'rolled_back', reason: 'candidate error rate 0.4000 exceeds stable' }, true);
    expect(screen.queryByRole('group', { name: 'Rollout actions' })).toBeNull();
    expect(screen.getByTestId('rollout-reason').textContent).toContain('exceeds stable');
  });

  it('says when there is no rollout', () => {
    renderPanel(null, false);
    expect(screen.getByTestId('rollout-panel').textContent).toContain('every worker runs v4');
  });
});

describe('RolloutStrip', () => {
  it('shows only while a rollout is open', () => {
    render(<RolloutStrip rollout={rollout} onOpen={vi.fn()} />);
    expect(screen.getByTestId('rollout-strip').textContent).toContain('Rolling out v5 from v4: step 2 of 3, 50% of the workers');
    cleanup();
    render(<RolloutStrip rollout={{ ...rollout, state: 'completed' }} onOpen={vi.fn()} />);
    expect(screen.queryByTestId('rollout-strip')).toBeNull();
  });
});

describe('until', () => {
  it('says how long until a time ahead', async () => {
    const { until } = await import('./model');
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(until('2030-01-01T00:10:00Z', now)).toBe('in 10 min');
    expect(until('2030-01-01T00:00:30Z', now)).toBe('in 30s');
    expect(until('2029-12-31T23:59:00Z', now)).toBe('now');
  });
});
