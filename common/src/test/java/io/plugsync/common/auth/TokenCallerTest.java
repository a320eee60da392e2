package io.plugsync.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugsync.common.http.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class TokenCallerTest {
    private static final UUID ORG = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    @Test
    void readsSubjectAndRolesIgnoringMalformedEntries() {
        JsonObject orgs = Json.createObjectBuilder()
                .add(ORG.toString(), "admin")
                .add(OTHER.toString(), "emperor")
                .add("not-a-uuid", "owner")
                .add(UUID.randomUUID().toString(), 7)
                .build();

        Caller caller = TokenCaller.from(token("alice", orgs));

        assertThat(caller.subject()).isEqualTo("alice");
        assertThat(caller.orgRoles()).isEqualTo(Map.of(ORG, OrgRole.ADMIN));
    }

    @Test
    void tokenWithoutClaimsIsAnAnonymousNonMember() {
        Caller caller = TokenCaller.from(token(null, null));

        assertThat(caller.subject()).isEmpty();
        assertThat(caller.orgRoles()).isEmpty();
    }

    @Test
    void orgAccessHidesOtherOrganisationsAndNamesTheMissingCapability() {
        Caller viewer = new Caller("bob", Map.of(ORG, OrgRole.VIEWER));

        assertThat(OrgAccess.member(viewer, ORG, "organisation")).isEqualTo(OrgRole.VIEWER);
        assertThatThrownBy(() -> OrgAccess.member(viewer, OTHER, "organisation " + OTHER))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(404));
        assertThatThrownBy(() -> OrgAccess.require(viewer, ORG, OrgRole.ADMIN, "plugin.write", "organisation"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(403));
    }

    private static JsonWebToken token(String subject, JsonObject orgs) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return subject;
            }

            @Override
            public Set<String> getClaimNames() {
                return orgs == null ? Set.of() : Set.of(Caller.ORGS_CLAIM, "sub");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return switch (claimName) {
                    case "sub" -> (T) subject;
                    case Caller.ORGS_CLAIM -> (T) orgs;
                    default -> null;
                };
            }
        };
    }
}
