package io.plugsync.common.source;

import java.util.List;

/** The fixed vocabulary of the GitHub source tables besides statuses: connector types, kinds, event types. */
public final class SourceKinds {
    private SourceKinds() {}

    /** {@code connector_type} of GitHub rows (the only type the schema allows on accounts). */
    public static final String GITHUB = "github";

    /** Connector types an account may have. */
    public static final List<String> CONNECTOR_TYPES = List.of(GITHUB);

    /** Default {@code connector_target.target_kind}. */
    public static final String REPOSITORY_BRANCH = "repository_branch";

    /** {@code connector_mapping.mapping_kind}; only {@link #PATH} mappings select files of a sync. */
    public static final String PATH = "path";

    public static final List<String> MAPPING_KINDS = List.of(PATH, "api", "custom");

    /** {@code connector_sync_event.event_type} values: what queued the sync. */
    public static final class SyncEventType {
        public static final String PUSH = "push";
        public static final String RECONCILE = "reconcile";
        public static final String MANUAL_RESYNC = "manual_resync";
        public static final String REPOSITORIES_ADDED = "installation_repositories.added";
        public static final String REPOSITORY_RENAMED = "repository.renamed";
        /** The first sync of a new target, queued when it is created. */
        public static final String INITIAL_SYNC = "initial_sync";
        /**
         * A resync after an admin changed what the target syncs (a mapping added, changed or
         * retired, the branch changed, syncing enabled again); the summary names the change.
         */
        public static final String CONFIG_CHANGE = "config_change";

        private SyncEventType() {}
    }
}
