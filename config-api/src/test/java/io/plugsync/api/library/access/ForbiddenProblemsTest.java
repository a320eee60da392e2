package io.plugsync.api.library.access;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.plugsync.api.library.Library;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The two kinds of 403 (rbac.md): a missing organisation capability and a too weak role on a
 * resource the caller can see have different problem types and say what is missing.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class ForbiddenProblemsTest {

    @Test
    void aMissingOrganisationCapabilityNamesTheCapabilityAndBothOrgRoles() {
        TestOrg org = TestOrg.create();
        as(org.viewerToken())
                .body(Library.skillBody("not-allowed"))
                .post(base(org.id()) + "/config-objects")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", endsWith("/missing-capability"))
                .body("missing_capability", is("config_object:create"))
                .body("required_org_role", is("editor"))
                .body("your_org_role", is("viewer"))
                .body("required_role", nullValue());
        as(org.editorToken())
                .body("{\"name\": \"ops\"}")
                .post(base(org.id()) + "/teams")
                .then()
                .statusCode(403)
                .body("type", endsWith("/missing-capability"))
                .body("missing_capability", is("team:create"))
                .body("required_org_role", is("admin"));
    }

    @Test
    void aTooWeakResourceRoleNamesTheResourceTheRoleNeededAndTheCallersRole() {
        TestOrg org = TestOrg.create();
        String object = Library.createSkill(org.ownerToken(), org.id(), "shared-read");
        as(org.ownerToken())
                .body("{\"org_wide\": true, \"role\": \"editor\"}")
                .post(base(org.id()) + "/config-objects/" + object + "/grants")
                .then()
                .statusCode(201);
        as(org.editorToken())
                .post(base(org.id()) + "/config-objects/" + object + "/archive")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", endsWith("/missing-resource-role"))
                .body("action", is("config_object:archive"))
                .body("resource", is("config object " + object))
                .body("required_role", is("manager"))
                .body("your_role", is("editor"))
                .body("missing_capability", nullValue());
    }
}
