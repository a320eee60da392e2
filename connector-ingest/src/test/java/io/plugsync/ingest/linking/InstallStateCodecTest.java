package io.plugsync.ingest.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Install-link states: only states we signed, unexpired and unchanged, are accepted. */
class InstallStateCodecTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef-test";
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private final InstallStateCodec codec = new InstallStateCodec(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));
    private final InstallState state =
            new InstallState(UUID.randomUUID(), "user|with|pipes", NOW.plus(Duration.ofMinutes(15)), "nonce");

    @Test
    void signedStateRoundTrips() {
        assertThat(codec.verify(codec.sign(state))).isEqualTo(state);
    }

    @Test
    void stateIsRefusedFromItsExpiryOn() {
        String signed = codec.sign(state);
        InstallStateCodec atExpiry = new InstallStateCodec(SECRET, Clock.fixed(state.expiresAt(), ZoneOffset.UTC));
        assertThatThrownBy(() -> atExpiry.verify(signed))
                .isInstanceOfSatisfying(
                        InvalidStateException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidStateException.Reason.EXPIRED));
    }

    @Test
    void stateSignedWithAnotherKeyIsRefused() {
        InstallStateCodec other = new InstallStateCodec(SECRET + "-other", Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> codec.verify(other.sign(state)))
                .isInstanceOfSatisfying(
                        InvalidStateException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidStateException.Reason.BAD_SIGNATURE));
    }

    @Test
    void shortSecretIsRejected() {
        assertThatThrownBy(() -> new InstallStateCodec("too-short", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Any single changed character makes the state invalid, and only as an InvalidStateException. */
    @Test
    void anyChangedCharacterIsRefused() {
        for (int repetition = 1; repetition <= 200; repetition++) {
            long seed = 7919L * repetition;
            Random random = new Random(seed);
            byte[] signed = codec.sign(state).getBytes(StandardCharsets.US_ASCII);
            int at = random.nextInt(signed.length);
            byte replacement;
            do {
                replacement = (byte) (33 + random.nextInt(94));
            } while (replacement == signed[at]);
            signed[at] = replacement;
            String changed = new String(signed, StandardCharsets.US_ASCII);
            assertThatThrownBy(() -> codec.verify(changed))
                    .as("seed %d, state %s", seed, changed)
                    .isInstanceOf(InvalidStateException.class);
        }
    }
}
