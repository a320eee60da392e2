// Change governance names the dashboard shares between the workspace and the review panel.

/** Journal actions that record a governance decision, not a change of the draft (AuditActions.GOVERNANCE). */
export const GOVERNANCE_ACTIONS = new Set([
  'review_requested',
  'review_approved',
  'review_changes_requested',
  'review_commented',
  'review_withdrawn',
  'publish_refused',
  'publish_scheduled',
  'scheduled_publish_cancelled',
  'scheduled_publish_failed',
  'publish_policy_changed',
]);
