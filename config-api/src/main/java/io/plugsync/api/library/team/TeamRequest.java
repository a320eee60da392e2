package io.plugsync.api.library.team;

import io.plugsync.api.library.support.Validation;

/** {@code POST /teams} and {@code PATCH /teams/{id}}: the team's name (1 to 200 characters, trimmed). */
public record TeamRequest(String name) {

    void validate() {
        new Validation().text(name, "/name", 200, true).throwIfAny("the team is not valid");
    }

    String trimmedName() {
        return name.strip();
    }
}
