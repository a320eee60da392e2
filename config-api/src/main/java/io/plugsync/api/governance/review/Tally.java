package io.plugsync.api.governance.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the reviewers of one review stand: each reviewer's latest approval or change request is the
 * one that counts; approvals by the requester or the draft's authors count only when the policy
 * allows self-approval, and none count once the draft changed since the review.
 */
public record Tally(List<String> approvedBy, List<String> countedApprovals, List<String> changesRequestedBy) {

    public static Tally of(List<VerdictRow> verdicts, boolean allowSelfApproval, boolean snapshotStillCurrent) {
        Map<String, VerdictRow> latest = new LinkedHashMap<>();
        for (VerdictRow v : verdicts) {
            if (v.decisive()) {
                latest.remove(v.reviewer());
                latest.put(v.reviewer(), v);
            }
        }
        List<String> approved = new ArrayList<>();
        List<String> counted = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        for (VerdictRow v : latest.values()) {
            if (VerdictRow.APPROVED.equals(v.verdict())) {
                approved.add(v.reviewer());
                if (snapshotStillCurrent && counts(v, allowSelfApproval)) {
                    counted.add(v.reviewer());
                }
            } else {
                changes.add(v.reviewer());
            }
        }
        return new Tally(List.copyOf(approved), List.copyOf(counted), List.copyOf(changes));
    }

    /** Whether an approval counts toward the required number (ignoring whether the draft changed). */
    static boolean counts(VerdictRow approval, boolean allowSelfApproval) {
        return VerdictRow.APPROVED.equals(approval.verdict()) && (!approval.selfReview() || allowSelfApproval);
    }

    public int approvals() {
        return countedApprovals.size();
    }
}
