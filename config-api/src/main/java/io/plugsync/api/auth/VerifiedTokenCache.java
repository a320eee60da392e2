package io.plugsync.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer-token parser of the request path, with a cache of tokens it has already verified:
 * scripts and dashboards send the same token with every request, and verifying it (RS256 plus
 * claim checks) was about a tenth of a publish's CPU. The key is the exact token string, so only a
 * byte-identical copy of a token that passed verification is served from the cache; an entry lives
 * until the token expires or {@code plugsync.auth.verified-token-ttl} passes, whichever is first.
 * Failed verifications are never cached. Everything else delegates to smallrye-jwt.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {
    private final DefaultJWTParser delegate;
    private final Cache<String, JsonWebToken> verified;

    public VerifiedTokenCache(
            DefaultJWTParser delegate,
            @ConfigProperty(name = "plugsync.auth.verified-token-ttl", defaultValue = "PT5M") Duration ttl,
            @ConfigProperty(name = "plugsync.auth.verified-token-cache-size", defaultValue = "10000") long size) {
        this.delegate = delegate;
        long ttlNanos = ttl.toNanos();
        this.verified = Caffeine.newBuilder()
                .maximumSize(size)
                .expireAfter(new Expiry<String, JsonWebToken>() {
                    @Override
                    public long expireAfterCreate(String token, JsonWebToken jwt, long currentTime) {
                        long untilExpiry = TimeUnit.SECONDS.toNanos(jwt.getExpirationTime())
                                - TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
                        return Math.max(0, Math.min(ttlNanos, untilExpiry));
                    }

                    @Override
                    public long expireAfterUpdate(String token, JsonWebToken jwt, long currentTime, long current) {
                        return current;
                    }

                    @Override
                    public long expireAfterRead(String token, JsonWebToken jwt, long currentTime, long current) {
                        return current;
                    }
                })
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken cached = verified.getIfPresent(token);
        if (cached != null) {
            return cached;
        }
        JsonWebToken jwt = delegate.parse(token);
        verified.put(token, jwt);
        return jwt;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
