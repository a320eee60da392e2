package io.plugsync.dispatcher.library;

import io.plugsync.common.delivery.LibraryReplicaLayout;
import java.util.UUID;

/**
 * One thing of the library replica that a library event makes stale: a plugin's delivered head, or
 * one principal's entitlement item. Each is re-resolved from PostgreSQL as a whole, so delivering
 * a target twice, or for two events at once, writes the same result.
 */
public sealed interface DeliveryTarget {
    /** The {@code library_delivery.item_key} of the target: its lock and its delivery record. */
    String key();

    /** The metric tag: plugin, member, team or org. */
    String kind();

    record Plugin(UUID pluginId) implements DeliveryTarget {
        @Override
        public String key() {
            return "plugin:" + pluginId;
        }

        @Override
        public String kind() {
            return "plugin";
        }
    }

    /** A principal of an organisation whose entitlement item lists the plugins it may use. */
    sealed interface Principal extends DeliveryTarget {
        UUID organizationId();

        /** The entitlement item's sort key under {@code org#<organization>}. */
        String sk();
    }

    record Member(UUID organizationId, UUID membershipId) implements Principal {
        @Override
        public String key() {
            return "member:" + organizationId + ":" + membershipId;
        }

        @Override
        public String sk() {
            return LibraryReplicaLayout.memberSk(membershipId);
        }

        @Override
        public String kind() {
            return "member";
        }
    }

    record Team(UUID organizationId, UUID teamId) implements Principal {
        @Override
        public String key() {
            return "team:" + organizationId + ":" + teamId;
        }

        @Override
        public String sk() {
            return LibraryReplicaLayout.teamSk(teamId);
        }

        @Override
        public String kind() {
            return "team";
        }
    }

    record Org(UUID organizationId) implements Principal {
        @Override
        public String key() {
            return "org:" + organizationId;
        }

        @Override
        public String sk() {
            return LibraryReplicaLayout.ORG_SK;
        }

        @Override
        public String kind() {
            return "org";
        }
    }
}
