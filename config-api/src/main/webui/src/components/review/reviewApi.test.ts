import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { refusalMessage } from './reviewApi';

const refusal = (status: number, reason: string, extra: Record<string, unknown> = {}) =>
  new ApiError(status, { type: `https://plugsync.io/problems/${reason}`, status, detail: `detail of ${reason}`, ...extra });

describe('refusalMessage', () => {
  it('names the missing approvals', () => {
    expect(refusalMessage(refusal(409, 'approvals-missing', { approvals: 1, required_approvals: 2, missing_approvals: 1 }))).toBe(
      'The review has 1 of 2 required approvals; 1 more approval needed.',
    );
    expect(refusalMessage(refusal(409, 'review-required', { required_approvals: 2 }))).toContain('2 approvals by others');
  });

  it('says who asked for changes and when a freeze ends', () => {
    expect(refusalMessage(refusal(409, 'changes-requested', { changes_requested_by: ['carol'] }))).toContain('carol');
    const frozen = refusalMessage(refusal(423, 'publish-frozen', { freeze_ends_at: '2030-01-01T00:00:00Z', freeze_reason: 'Black Friday' }));
    expect(frozen).toContain('Publishing is frozen until');
    expect(frozen).toContain('(Black Friday)');
  });

  it('names the publisher roles, and leaves other 403s and errors alone', () => {
    expect(
      refusalMessage(refusal(403, 'missing-capability', { missing_capability: 'connector:publish', publishers: ['admin', 'owner'], your_org_role: 'editor' })),
    ).toBe('Only admin, owner may publish this connector; you are editor.');
    expect(refusalMessage(refusal(403, 'missing-capability', { missing_capability: 'connector:config:write' }))).toBeNull();
    expect(refusalMessage(refusal(409, 'stale-base-version'))).toBeNull();
    expect(refusalMessage(new Error('boom'))).toBeNull();
  });
});
