// Shapes of the rollout and fleet API (JSON is snake_case).
export interface RolloutStep {
  index: number;
  percent: number;
  groups: string[];
  duration_seconds: number;
  status: 'done' | 'current' | 'pending' | 'ended';
}

export interface Counts {
  reports: number;
  events: number;
  errors: number;
  error_rate: number;
}

export interface RolloutMove {
  seq: number;
  step: number;
  state: string;
  percent: number;
  groups: string[];
  reason?: string | null;
  actor: string;
  moved_at: string;
}

export interface Rollout {
  id: string;
  strategy: string;
  state: 'in_progress' | 'paused' | 'completed' | 'rolled_back' | 'aborted' | 'superseded';
  spec: string;
  stable_version: number;
  candidate_version: number;
  step: number;
  percent: number;
  groups: string[];
  steps: RolloutStep[];
  next_step_at?: string | null;
  paused_remaining_seconds?: number | null;
  thresholds: { max_error_rate_increase: number; min_reports: number; on_breach: string };
  health?: { candidate: Counts; stable: Counts; breached: boolean };
  moves?: RolloutMove[];
  reason?: string | null;
  created_by: string;
  created_at: string;
  finished_at?: string | null;
}

export interface FleetWorker {
  worker_id: string;
  group?: string | null;
  version: number;
  target_version: number;
  on_target: boolean;
  lag_seconds: number;
  last_report_at: string;
  report_age_seconds: number;
  events: number;
  errors: number;
}

export interface Fleet {
  active_version: number;
  serving_version: number;
  summary: { workers: number; versions: { version: number; workers: number }[] };
  rollout?: Rollout | null;
  items: FleetWorker[];
  next_cursor: string | null;
}

export interface RolloutDefaults {
  connector: unknown;
  organization: unknown;
  effective_spec: string;
}

export const OPEN_STATES = ['in_progress', 'paused'];

export const STATE_LABEL: Record<Rollout['state'], string> = {
  in_progress: 'rolling out',
  paused: 'paused',
  completed: 'completed',
  rolled_back: 'rolled back',
  aborted: 'aborted',
  superseded: 'superseded',
};

/** "2m 30s" for a number of seconds. */
export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${seconds % 60 ? ` ${seconds % 60}s` : ''}`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${h}h${m ? ` ${m}m` : ''}`;
}

/** Error rate as a percentage with two decimals. */
export function rate(r: number): string {
  return `${(r * 100).toFixed(2)} %`;
}

/** "in 9 min" for a time ahead, "now" once it has come. */
export function until(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (Number.isNaN(seconds) || seconds <= 0) return 'now';
  if (seconds < 60) return `in ${seconds}s`;
  if (seconds < 3600) return `in ${Math.round(seconds / 60)} min`;
  return `in ${Math.round(seconds / 360) / 10} h`;
}
