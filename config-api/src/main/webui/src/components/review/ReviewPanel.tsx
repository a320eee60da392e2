import { useCallback, useEffect, useId, useState } from 'react';
import { ApiError, NetworkError } from '../../lib/api';
import { claims, currentToken } from '../../lib/auth';
import { ago } from '../../lib/format';
import { Draft } from '../../lib/model';
import { RequestReviewModal } from './RequestReviewModal';
import {
  Governance,
  Review,
  Verdict,
  cancelScheduled,
  dismissNotification,
  loadGovernance,
  requestReview,
  schedulePublish,
  sendVerdict,
  withdrawReview,
} from './reviewApi';
import './review.css';

export const GOVERNANCE_POLL_MS = 2000;

interface Props {
  connectorId: string;
  draft: Draft;
  canEdit: boolean;
  notify: (message: string, tone?: 'error' | 'info') => void;
}

const STATE_LABEL: Record<string, string> = {
  approved: 'Approved',
  changes_requested: 'Changes requested',
  changed_since_review: 'Changed since review',
};

function stateLabel(r: Review): string {
  if (r.state === 'pending') {
    return r.missing_approvals > 0
      ? `Awaiting ${r.missing_approvals} ${r.missing_approvals === 1 ? 'approval' : 'approvals'}`
      : 'Open';
  }
  return STATE_LABEL[r.state] ?? r.state;
}

const VERDICT_LABEL: Record<string, string> = {
  approved: 'approved',
  changes_requested: 'requested changes',
  commented: 'commented',
};

/**
 * The review of the draft before publish: what the policy asks for, the open review request and its
 * thread with Approve / Request changes, a scheduled publish, and failures to look at.
 */
export function ReviewPanel({ connectorId, draft, canEdit, notify }: Props) {
  const [gov, setGov] = useState<Governance | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [comment, setComment] = useState('');
  const [publishAt, setPublishAt] = useState('');
  const commentId = useId();
  const scheduleId = useId();
  const me = claims(currentToken()).sub;

  const refresh = useCallback(async () => {
    try {
      setGov(await loadGovernance(connectorId));
    } catch {
      /* the app-wide notice reports network loss and expired sign-in */
    }
  }, [connectorId]);

  useEffect(() => {
    void refresh();
  }, [refresh, draft.revision, draft.active_version]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (!document.hidden) void refresh();
    }, GOVERNANCE_POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  if (!gov) return null;
  const { policy, review, scheduled, notifications } = gov;
  const required = policy.required_approvals;
  if (required === 0 && !review && !scheduled && notifications.length === 0) return null;

  const act = async (what: string, call: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    try {
      await call();
      if (done) notify(done);
      await refresh();
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status !== 401) notify(`Could not ${what}: ${e.message}`, 'error');
      else if (e instanceof NetworkError) notify(`Could not reach PlugSync to ${what}. Nothing changed; try again.`, 'error');
      return false;
    } finally {
      setBusy(false);
    }
  };

  const verdict = async (v: Verdict, label: string) => {
    if (!review) return;
    const sent = await act(label, () => sendVerdict(connectorId, review.id, v, comment.trim()));
    if (sent) setComment('');
  };

  const mine = review?.requested_by === me;
  const selfBlocked = mine && !policy.allow_self_approval;
  const current = review && !review.changed_since_review;

  return (
    <section className="panel review-panel" aria-labelledby="review-heading" data-testid="review-panel">
      <div className="review-head">
        <h2 id="review-heading">Review</h2>
        <span className="muted" data-testid="review-policy">
          {required > 0
            ? `Publishing needs ${required} ${required === 1 ? 'approval' : 'approvals'} by others`
            : 'No approval needed to publish'}
          {policy.publishers.length < 3 && ` · publishers: ${policy.publishers.join(', ')}`}
        </span>
      </div>

      {notifications.map((n) => (
        <div key={n.id} className="notice error" role="alert" data-testid="governance-notification">
          <span>{n.message}</span>
          {canEdit && (
            <button type="button" className="ghost" onClick={() => act('dismiss', () => dismissNotification(connectorId, n.id))}>
              Dismiss
            </button>
          )}
        </div>
      ))}

      {!review && (
        <p data-testid="review-none">
          {draft.has_unpublished_changes ? 'No review requested for this draft yet.' : 'Nothing to review: the draft equals the active version.'}{' '}
          {canEdit && draft.has_unpublished_changes && (
            <button type="button" onClick={() => setAsking(true)} disabled={busy}>
              Request review
            </button>
          )}
        </p>
      )}

      {review && (
        <div data-testid="review-request">
          <p className="review-summary">
            <span className={review.state === 'approved' ? 'tag ok' : review.state === 'pending' ? 'tag' : 'tag warn'} data-testid="review-state">
              {stateLabel(review)}
            </span>{' '}
            Review requested by <strong>{review.requested_by}</strong> via {review.requested_by_kind} {ago(review.requested_at)} ({review.approvals} of{' '}
            {review.required_approvals} approvals):
            <span className="comment"> “{review.summary}”</span>
          </p>
          {review.changed_since_review && (
            <p className="notice info" data-testid="review-changed">
              <span>
                The draft changed since this review (revision {review.draft_revision} → {review.current_draft_revision}). Its approvals no longer
                count.
              </span>
              {canEdit && (
                <button type="button" onClick={() => setAsking(true)} disabled={busy}>
                  Request a new review
                </button>
              )}
            </p>
          )}
          {review.thread.length > 0 && (
            <ol className="review-thread" aria-label="Review thread" data-testid="review-thread">
              {review.thread.map((t) => (
                <li key={t.id} className={t.verdict}>
                  <strong>{t.reviewer}</strong> {VERDICT_LABEL[t.verdict]} <span className="muted">{ago(t.created_at)}</span>
                  {t.verdict === 'approved' && !t.counts && <span className="muted"> (does not count)</span>}
                  {t.comment && <span className="comment">{t.comment}</span>}
                </li>
              ))}
            </ol>
          )}
          {canEdit && current && (
            <div className="review-actions">
              <div className="field">
                <label htmlFor={commentId}>Comment</label>
                <textarea id={commentId} rows={2} maxLength={4000} value={comment} onChange={(e) => setComment(e.target.value)} />
              </div>
              <button
                type="button"
                className="primary"
                disabled={busy || selfBlocked}
                title={selfBlocked ? 'You requested this review: someone else approves it.' : undefined}
                onClick={() => verdict('approve', 'approve')}
              >
                Approve
              </button>
              <button type="button" disabled={busy || !comment.trim()} onClick={() => verdict('request-changes', 'request changes')}>
                Request changes
              </button>
              <button type="button" className="ghost" disabled={busy || !comment.trim()} onClick={() => verdict('comments', 'comment')}>
                Comment
              </button>
              {mine && (
                <button type="button" className="ghost" disabled={busy} onClick={() => act('withdraw', () => withdrawReview(connectorId, review.id))}>
                  Withdraw
                </button>
              )}
            </div>
          )}
        </div>
      )}

      {scheduled && (
        <p className="notice info" data-testid="scheduled-publish">
          <span>
            Publish scheduled by {scheduled.scheduled_by} for {new Date(scheduled.publish_at).toLocaleString()} on v{scheduled.base_version}.
          </span>
          {canEdit && (
            <button type="button" onClick={() => act('cancel the scheduled publish', () => cancelScheduled(connectorId, scheduled.id), 'Scheduled publish cancelled.')}>
              Cancel
            </button>
          )}
        </p>
      )}
      {canEdit && !scheduled && draft.has_unpublished_changes && (required === 0 || review?.state === 'approved') && (
        <form
          className="review-schedule"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!publishAt) return;
            await act(
              'schedule the publish',
              () => schedulePublish(connectorId, new Date(publishAt).toISOString(), draft.active_version, review?.id),
              'Publish scheduled.',
            );
          }}
        >
          <label htmlFor={scheduleId}>Publish later at</label>
          <input id={scheduleId} type="datetime-local" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} />
          <button type="submit" disabled={busy || !publishAt}>
            Schedule publish
          </button>
        </form>
      )}

      {asking && (
        <RequestReviewModal
          busy={busy}
          onCancel={() => setAsking(false)}
          onConfirm={async (summary) => {
            if (await act('request a review', () => requestReview(connectorId, summary), 'Review requested.')) setAsking(false);
          }}
        />
      )}
    </section>
  );
}
