package io.plugsync.ingest.github;

/** GitHub refused to exchange an OAuth {@code code} (unknown, expired or already used). */
public class OAuthCodeRejectedException extends RuntimeException {
    private final String error;

    public OAuthCodeRejectedException(String error, String description) {
        super("GitHub refused the OAuth code: " + error + (description == null ? "" : " (" + description + ")"));
        this.error = error;
    }

    /** GitHub's {@code error} value, e.g. {@code bad_verification_code}. */
    public String error() {
        return error;
    }
}
