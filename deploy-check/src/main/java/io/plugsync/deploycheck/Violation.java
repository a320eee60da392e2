package io.plugsync.deploycheck;

/** One failed rule: which object, which rule, and what to fix. */
public record Violation(String resource, String rule, String message) {
    @Override
    public String toString() {
        return resource + " [" + rule + "] " + message;
    }
}
