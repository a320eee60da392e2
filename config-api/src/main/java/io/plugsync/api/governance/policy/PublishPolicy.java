package io.plugsync.api.governance.policy;

import io.plugsync.api.org.AgentPublish;
import io.plugsync.common.auth.OrgRole;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who may publish a connector's config, and when: the organisation's policy with the connector's
 * overrides applied.
 *
 * @param requiredApprovals approvals by others a publish needs on a review of exactly the published
 *     draft (0: no review needed)
 * @param allowSelfApproval whether the review's requester and the draft's authors may approve it
 * @param publishers organisation roles that may publish ({@code editor}, {@code admin}, {@code owner})
 * @param agentPublish whether AI agents (writer kinds {@code agent}, {@code mcp}) may publish
 * @param freezeWindows periods in which publishing is refused
 */
public record PublishPolicy(
        int requiredApprovals,
        boolean allowSelfApproval,
        List<String> publishers,
        String agentPublish,
        List<FreezeWindow> freezeWindows) {

    public static final int MAX_APPROVALS = 10;
    /** What an organisation starts with: today's behaviour (any editor publishes, no review). */
    public static final List<String> DEFAULT_PUBLISHERS = List.of("editor", "admin", "owner");

    public PublishPolicy {
        publishers = List.copyOf(publishers);
        freezeWindows = List.copyOf(freezeWindows);
    }

    public boolean mayPublish(OrgRole role) {
        return publishers.contains(role.wire());
    }

    public boolean agentsMayPublish() {
        return AgentPublish.parse(agentPublish).orElse(AgentPublish.NEVER) == AgentPublish.ALLOWED;
    }

    /** The freeze window {@code at} falls in; of overlapping ones the one that ends last. */
    public Optional<FreezeWindow> freezeAt(Instant at) {
        return freezeWindows.stream().filter(w -> w.contains(at)).max(Comparator.comparing(FreezeWindow::endsAt));
    }

    /** The weakest role that may publish, for problem documents. */
    public String weakestPublisher() {
        return DEFAULT_PUBLISHERS.stream()
                .filter(publishers::contains)
                .findFirst()
                .orElse("owner");
    }
}
