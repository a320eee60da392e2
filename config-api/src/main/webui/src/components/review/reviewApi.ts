// Review requests, the publish policy, scheduled publishes and notifications of one connector
// (config-api's /api/connectors/{id}/reviews, /publish-policy, /scheduled-publishes, /notifications).
import { api, ApiError } from '../../lib/api';
import { Page, connectorPath } from '../../lib/model';

export interface PublishPolicy {
  required_approvals: number;
  allow_self_approval: boolean;
  publishers: string[];
  agent_publish: string;
  freeze_windows: { starts_at: string; ends_at: string; reason?: string }[];
}

export interface ThreadEntry {
  id: number;
  verdict: 'approved' | 'changes_requested' | 'commented';
  reviewer: string;
  writer_kind: string;
  comment?: string | null;
  self_review: boolean;
  counts: boolean;
  created_at: string;
}

export type ReviewState =
  | 'pending'
  | 'approved'
  | 'changes_requested'
  | 'changed_since_review'
  | 'published'
  | 'superseded'
  | 'withdrawn';

export interface Review {
  id: string;
  state: ReviewState;
  status: string;
  summary: string;
  requested_by: string;
  requested_by_kind: string;
  requested_at: string;
  draft_revision: number;
  current_draft_revision: number;
  changed_since_review: boolean;
  active_version: number;
  changed_paths: string[];
  required_approvals: number;
  approvals: number;
  missing_approvals: number;
  approved_by: string[];
  changes_requested_by: string[];
  thread: ThreadEntry[];
  published_version?: number | null;
}

export interface ScheduledPublish {
  id: string;
  publish_at: string;
  base_version: number;
  status: 'pending' | 'published' | 'failed' | 'cancelled';
  scheduled_by: string;
  published_version?: number;
}

export interface Notification {
  id: string;
  kind: string;
  message: string;
  created_at: string;
}

export interface Governance {
  policy: PublishPolicy;
  review: Review | null;
  scheduled: ScheduledPublish | null;
  notifications: Notification[];
}

export async function loadGovernance(connectorId: string): Promise<Governance> {
  const base = connectorPath(connectorId);
  const [policy, reviews, scheduled, notifications] = await Promise.all([
    api.get<{ item: { effective: PublishPolicy } }>(`${base}/publish-policy`),
    api.get<Page<Review>>(`${base}/reviews?status=open&limit=1`),
    api.get<Page<ScheduledPublish>>(`${base}/scheduled-publishes?status=pending&limit=1`),
    api.get<Page<Notification>>(`${base}/notifications?limit=5`),
  ]);
  return {
    policy: policy.data.item.effective,
    review: reviews.data.items[0] ?? null,
    scheduled: scheduled.data.items[0] ?? null,
    notifications: notifications.data.items,
  };
}

export const requestReview = (connectorId: string, summary: string) =>
  api.post<{ item: Review }>(`${connectorPath(connectorId)}/reviews`, { summary });

export type Verdict = 'approve' | 'request-changes' | 'comments';

export const sendVerdict = (connectorId: string, reviewId: string, verdict: Verdict, comment: string) =>
  api.post<{ item: Review }>(`${connectorPath(connectorId)}/reviews/${reviewId}/${verdict}`, comment ? { comment } : {});

export const withdrawReview = (connectorId: string, reviewId: string) =>
  api.post<{ item: Review }>(`${connectorPath(connectorId)}/reviews/${reviewId}/withdraw`, {});

export const schedulePublish = (connectorId: string, publishAt: string, baseVersion: number, reviewId?: string) =>
  api.post<{ item: ScheduledPublish }>(`${connectorPath(connectorId)}/scheduled-publishes`, {
    publish_at: publishAt,
    base_version: baseVersion,
    review_id: reviewId ?? null,
  });

export const cancelScheduled = (connectorId: string, id: string) =>
  api.del<{ item: ScheduledPublish }>(`${connectorPath(connectorId)}/scheduled-publishes/${id}`);

export const dismissNotification = (connectorId: string, id: string) =>
  api.post(`${connectorPath(connectorId)}/notifications/${id}/dismiss`, {});

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * A refused publish in words, naming what is missing (the publish gate's problem types), or null
 * when the error is not a governance refusal.
 */
export function refusalMessage(e: unknown): string | null {
  if (!(e instanceof ApiError)) return null;
  const p = e.problem;
  switch (e.reason) {
    case 'review-required':
      return `Publishing needs ${plural(Number(p.required_approvals), 'approval')} by others on a review of this draft: request a review first.`;
    case 'approvals-missing':
      return `The review has ${p.approvals} of ${p.required_approvals} required approvals; ${plural(Number(p.missing_approvals), 'more approval')} needed.`;
    case 'changed-since-review':
      return 'The draft changed since it was reviewed, so its approvals no longer count: request a new review.';
    case 'changes-requested':
      return `Changes were requested by ${(p.changes_requested_by as string[] | undefined)?.join(', ')}: update the draft and request a new review.`;
    case 'publish-frozen':
      return `Publishing is frozen until ${new Date(String(p.freeze_ends_at)).toLocaleString()}${p.freeze_reason ? ` (${p.freeze_reason})` : ''}.`;
    case 'agent-publish-not-allowed':
      return e.message;
    case 'missing-capability':
      return p.missing_capability === 'connector:publish'
        ? `Only ${(p.publishers as string[] | undefined)?.join(', ')} may publish this connector; you are ${p.your_org_role}.`
        : null;
    default:
      return null;
  }
}
