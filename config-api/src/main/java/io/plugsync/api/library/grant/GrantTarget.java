package io.plugsync.api.library.grant;

/** The three kinds of shareable resources; their grant tables share one shape (seed 001). */
public enum GrantTarget {
    CONFIG_OBJECT(
            "config object",
            "config_object",
            "config_object_access_grant",
            "config_object_id",
            "SELECT library_object_rank(r.id, $2::uuid) FROM config_object r"
                    + " WHERE r.organization_id = $1 AND r.id = $3"),
    PLUGIN(
            "plugin",
            "plugin",
            "plugin_access_grant",
            "plugin_id",
            "SELECT library_plugin_rank(r.id, $2::uuid) FROM plugin r"
                    + " WHERE r.organization_id = $1 AND r.id = $3 AND r.status <> 'deleted'"),
    CONNECTOR_INSTANCE(
            "connector instance",
            "connector_instance",
            "connector_instance_access_grant",
            "connector_instance_id",
            "SELECT library_instance_rank(r.id, $2::uuid) FROM connector_instance r"
                    + " WHERE r.organization_id = $1 AND r.id = $3");

    final String label;
    final String capabilityPrefix;
    final String table;
    final String column;
    /** The caller's rank on the resource ($1 org, $2 member, $3 id); no row when not in the org. */
    final String rankSql;
    /** The resource's own table (its creator column is a source of access). */
    final String resourceTable;

    GrantTarget(String label, String capabilityPrefix, String table, String column, String rankSql) {
        this.label = label;
        this.capabilityPrefix = capabilityPrefix;
        // the capability prefixes are the resource tables' names
        this.resourceTable = capabilityPrefix;
        this.table = table;
        this.column = column;
        this.rankSql = rankSql;
    }
}
