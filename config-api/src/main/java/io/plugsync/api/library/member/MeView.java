package io.plugsync.api.library.member;

import java.util.List;
import java.util.UUID;

/**
 * {@code GET /v1/me}: who the token belongs to and where it may act. {@code role} comes from the
 * token (authoritative); {@code org_membership_id} is null until the caller's first library write
 * in that organisation provisions its membership row.
 */
public record MeView(String subject, List<Membership> organizations) {

    public record Membership(UUID id, String slug, String name, String role, UUID orgMembershipId) {}
}
