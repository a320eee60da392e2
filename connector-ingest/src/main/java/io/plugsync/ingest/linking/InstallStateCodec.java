package io.plugsync.ingest.linking;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies install-link states: {@code v1.<payload>.<mac>}, both parts base64url, the MAC
 * an HMAC-SHA256 over {@code v1.<payload>} compared in constant time. The payload is
 * {@code org|expires-epoch-seconds|nonce|subject}. Not encrypted: it names nothing secret.
 */
public final class InstallStateCodec {
    public static final int MIN_SECRET_LENGTH = 32;
    static final int MAX_STATE_LENGTH = 1024;
    private static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;

    public InstallStateCodec(String secret, Clock clock) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the state secret needs at least " + MIN_SECRET_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = clock;
    }

    public String sign(InstallState state) {
        String payload = state.organizationId() + "|" + state.expiresAt().getEpochSecond() + "|" + state.nonce() + "|"
                + state.subject();
        String signed = VERSION + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return signed + "." + B64.encodeToString(mac(signed));
    }

    /** The state, if we signed it and it has not expired; otherwise {@link InvalidStateException}. */
    public InstallState verify(String state) {
        if (state == null || state.length() > MAX_STATE_LENGTH) {
            throw malformed();
        }
        String[] parts = state.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw malformed();
        }
        byte[] given;
        byte[] payload;
        try {
            given = B64_DECODE.decode(parts[2]);
            payload = B64_DECODE.decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        if (!MessageDigest.isEqual(mac(parts[0] + "." + parts[1]), given)) {
            throw new InvalidStateException(
                    InvalidStateException.Reason.BAD_SIGNATURE, "the state was not issued by this service");
        }
        InstallState parsed = parse(new String(payload, StandardCharsets.UTF_8));
        if (!clock.instant().isBefore(parsed.expiresAt())) {
            throw new InvalidStateException(
                    InvalidStateException.Reason.EXPIRED, "the install link expired at " + parsed.expiresAt());
        }
        return parsed;
    }

    private static InstallState parse(String payload) {
        String[] fields = payload.split("\\|", 4);
        if (fields.length != 4 || fields[3].isEmpty()) {
            throw malformed();
        }
        try {
            return new InstallState(
                    UUID.fromString(fields[0]), fields[3], Instant.ofEpochSecond(Long.parseLong(fields[1])), fields[2]);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw malformed();
        }
    }

    private byte[] mac(String signed) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    private static InvalidStateException malformed() {
        return new InvalidStateException(
                InvalidStateException.Reason.MALFORMED, "the state is not an install-link state");
    }
}
