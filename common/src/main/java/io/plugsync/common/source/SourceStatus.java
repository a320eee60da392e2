package io.plugsync.common.source;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every status of the GitHub source tables (seed 001 checks), one enum per table: the only place
 * config-api and connector-ingest take these strings from, in Java and in the SQL built from it.
 */
public final class SourceStatus {
    private SourceStatus() {}

    /** {@code connector_sync_event.status}. */
    public enum Sync {
        QUEUED,
        RUNNING,
        COMPLETED,
        COMPLETED_WITH_ERRORS,
        FAILED,
        /** Held by the mass-deletion guard until an admin confirms the deletions. */
        NEEDS_CONFIRMATION,
        SKIPPED,
        CANCELLED;

        /**
         * Statuses under the partial unique index {@code connector_sync_event_target_revision}: one
         * such sync per (target, head SHA), which is how webhook deliveries are de-duplicated.
         */
        public static final List<Sync> ONE_PER_REVISION =
                List.of(QUEUED, RUNNING, COMPLETED, COMPLETED_WITH_ERRORS, NEEDS_CONFIRMATION);

        /** Finished, unsuccessful statuses an admin may re-queue. */
        public static final List<Sync> RETRYABLE = List.of(FAILED, COMPLETED_WITH_ERRORS, CANCELLED, SKIPPED);

        /** Statuses installation changes cancel: waiting syncs. */
        public static final List<Sync> WAITING = List.of(QUEUED, NEEDS_CONFIRMATION);

        public String wire() {
            return wireOf(this);
        }

        public static Optional<Sync> parse(String wire) {
            return parseOf(Sync.class, wire);
        }

        public static List<String> wires() {
            return wiresOf(Sync.class);
        }
    }

    /** {@code connector_account.status}. */
    public enum Account {
        ACTIVE,
        DISCONNECTED,
        SUSPENDED;

        public String wire() {
            return wireOf(this);
        }

        public static Optional<Account> parse(String wire) {
            return parseOf(Account.class, wire);
        }

        public static List<String> wires() {
            return wiresOf(Account.class);
        }
    }

    /** {@code connector_instance.status}. */
    public enum Instance {
        ACTIVE,
        PAUSED,
        DISABLED,
        DISCONNECTED,
        /** Terminal: kept for history and provenance, never synced again. */
        ARCHIVED;

        /** What an admin may set through the API ({@code disconnected} follows the account). */
        public static final List<Instance> SETTABLE = List.of(ACTIVE, PAUSED, DISABLED);

        public String wire() {
            return wireOf(this);
        }

        public static Optional<Instance> parse(String wire) {
            return parseOf(Instance.class, wire);
        }

        public static List<String> wires() {
            return wiresOf(Instance.class);
        }
    }

    /** {@code connector_mapping.status}: a retired mapping keeps its bindings, the sync ignores it. */
    public enum Mapping {
        ACTIVE,
        RETIRED;

        public String wire() {
            return wireOf(this);
        }

        public static Optional<Mapping> parse(String wire) {
            return parseOf(Mapping.class, wire);
        }

        public static List<String> wires() {
            return wiresOf(Mapping.class);
        }
    }

    /** {@code connector_target.status}. */
    public enum Target {
        ACTIVE,
        DISABLED;

        public String wire() {
            return wireOf(this);
        }

        public static Optional<Target> parse(String wire) {
            return parseOf(Target.class, wire);
        }

        public static List<String> wires() {
            return wiresOf(Target.class);
        }
    }

    /** {@code github_installation.status}: the installation as GitHub reports it. */
    public enum Installation {
        ACTIVE,
        SUSPENDED,
        DELETED;

        public String wire() {
            return wireOf(this);
        }
    }

    /** Wire values as a SQL list literal, e.g. {@code ('queued', 'running')}, for constant SQL. */
    public static String sqlList(Collection<? extends Enum<?>> statuses) {
        return statuses.stream().map(s -> "'" + wireOf(s) + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    /** The wire values of a list of statuses. */
    public static List<String> wires(Collection<? extends Enum<?>> statuses) {
        return statuses.stream().map(SourceStatus::wireOf).toList();
    }

    private static String wireOf(Enum<?> status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> Optional<E> parseOf(Class<E> type, String wire) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> wireOf(e).equals(wire))
                .findFirst();
    }

    private static <E extends Enum<E>> List<String> wiresOf(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(SourceStatus::wireOf).toList();
    }
}
