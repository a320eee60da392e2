package io.plugsync.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The cache serves only byte-identical tokens that verified, and never past their expiry. */
class VerifiedTokenCacheTest {

    /** A verifier that counts its calls: "bad" fails, "old" is already expired, others expire in 1 h. */
    static final class CountingParser extends DefaultJWTParser {
        final Map<String, Integer> calls = new HashMap<>();

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            calls.merge(token, 1, Integer::sum);
            if (token.equals("bad")) {
                throw new ParseException("signature does not verify");
            }
            long now = System.currentTimeMillis() / 1000;
            return jwt(token, token.equals("old") ? now - 10 : now + 3600);
        }
    }

    @Test
    void aVerifiedTokenIsVerifiedOnceAndOnlyTheSameStringHitsTheCache() throws Exception {
        CountingParser verifier = new CountingParser();
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Duration.ofMinutes(5), 100);

        JsonWebToken first = cache.parse("token-a");
        assertThat(cache.parse("token-a")).isSameAs(first);
        assertThat(cache.parse("token-a")).isSameAs(first);
        cache.parse("token-a ");
        assertThat(verifier.calls).containsEntry("token-a", 1).containsEntry("token-a ", 1);
    }

    @Test
    void failuresAndExpiredTokensAreNeverServedFromTheCache() {
        CountingParser verifier = new CountingParser();
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Duration.ofMinutes(5), 100);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.parse("bad")).isInstanceOf(ParseException.class);
        }
        assertThat(verifier.calls).containsEntry("bad", 3);

        // a token whose exp has passed (accepted by the verifier within its clock skew) is not kept
        for (int i = 0; i < 3; i++) {
            try {
                cache.parse("old");
            } catch (ParseException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(verifier.calls).containsEntry("old", 3);
    }

    @Test
    void aZeroTimeToLiveTurnsTheCacheOff() throws Exception {
        CountingParser verifier = new CountingParser();
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Duration.ZERO, 100);
        cache.parse("token-b");
        cache.parse("token-b");
        assertThat(verifier.calls).containsEntry("token-b", 2);
    }

    private static JsonWebToken jwt(String name, long exp) {
        Map<String, Object> claims = Map.of("sub", name, "exp", exp);
        return new JsonWebToken() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }
}
