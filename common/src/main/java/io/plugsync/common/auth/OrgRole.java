package io.plugsync.common.auth;

import java.util.Locale;
import java.util.Optional;

/** A member's role in an organisation, weakest first. Owner and admin are implicit managers. */
public enum OrgRole {
    VIEWER,
    EDITOR,
    ADMIN,
    OWNER;

    public boolean atLeast(OrgRole other) {
        return compareTo(other) >= 0;
    }

    /** Owners and admins manage every resource of their organisation. */
    public boolean isOrgAdmin() {
        return atLeast(ADMIN);
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OrgRole> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
