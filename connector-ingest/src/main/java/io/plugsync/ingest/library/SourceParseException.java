package io.plugsync.ingest.library;

/** A source file that cannot become a config object of its type; the message says why. */
public class SourceParseException extends Exception {
    public SourceParseException(String message) {
        super(message, null, false, false);
    }
}
