package io.plugsync.common.http;

import java.util.List;

/** Thrown by resources and services to answer with a {@link Problem}; nothing was changed. */
public class ProblemException extends RuntimeException {
    /** Reason of the 403 for a missing organisation capability. */
    public static final String MISSING_CAPABILITY = "missing-capability";
    /** Reason of the 403 for a too weak role on one resource. */
    public static final String MISSING_RESOURCE_ROLE = "missing-resource-role";

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " does not exist"));
    }

    public static ProblemException badRequest(String reason, String detail) {
        return new ProblemException(Problem.of(400, reason, "Bad request", detail));
    }

    /**
     * 403 {@code missing-capability}: the caller's organisation role does not include {@code
     * capability} (creating resources, organisation settings, connector accounts). The problem names
     * the capability, the organisation role it needs and the caller's.
     */
    public static ProblemException missingCapability(String capability, String requiredOrgRole, String yourOrgRole) {
        return new ProblemException(Problem.of(
                        403,
                        MISSING_CAPABILITY,
                        "Forbidden",
                        capability + " needs the organisation role " + requiredOrgRole + "; yours is " + yourOrgRole)
                .with("missing_capability", capability)
                .with("required_org_role", requiredOrgRole)
                .with("your_org_role", yourOrgRole));
    }

    /**
     * 403 {@code missing-resource-role}: the caller can see {@code resource} but its role on it is
     * weaker than {@code requiredRole}, which {@code action} needs. The problem names the action, the
     * resource, the role needed and the caller's role.
     */
    public static ProblemException missingResourceRole(
            String action, String resource, String requiredRole, String yourRole) {
        return new ProblemException(Problem.of(
                        403,
                        MISSING_RESOURCE_ROLE,
                        "Forbidden",
                        action + " needs the " + requiredRole + " role on " + resource + "; yours is " + yourRole)
                .with("action", action)
                .with("resource", resource)
                .with("required_role", requiredRole)
                .with("your_role", yourRole));
    }

    public static ProblemException conflict(String reason, String detail) {
        return new ProblemException(Problem.of(409, reason, "Conflict", detail));
    }

    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(422, "validation-failed", "Validation failed", detail)
                .withErrors(errors));
    }
}
