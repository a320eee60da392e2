package io.plugsync.api.governance.gate;

import io.plugsync.api.governance.policy.PublishPolicy;
import java.util.UUID;

/**
 * The gate let a publish through under {@code policy}; {@code reviewId} is the review whose
 * approvals cleared it (null when the policy needs none).
 */
public record Clearance(PublishPolicy policy, UUID reviewId) {}
