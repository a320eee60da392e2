package io.plugsync.common.library;

import java.util.Locale;

/** Which path wrote a config object version ({@code config_object_version.created_via}). */
public enum CreatedVia {
    CLOUD,
    IMPORT,
    CONNECTOR,
    SYSTEM;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
