package io.smartcloudops.agent.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Checks bearer tokens. Only SHA-256 digests are held; a presented token is hashed and compared with
 * {@link MessageDigest#isEqual} against every entry (no early exit), so timing says nothing about
 * how much of a token matched or which entry it was.
 */
public final class TokenAuthenticator {

    private record Entry(byte[] digest, Principal principal) {
    }

    private final List<Entry> entries;

    private TokenAuthenticator(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        public Builder token(String name, Role role, String token) {
            entries.add(new Entry(sha256(token), new Principal(name, role)));
            return this;
        }

        public Builder digest(String name, Role role, String sha256Hex) {
            entries.add(new Entry(HexFormat.of().parseHex(sha256Hex), new Principal(name, role)));
            return this;
        }

        public TokenAuthenticator build() {
            return new TokenAuthenticator(entries);
        }
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    /** The principal for a presented token, if any entry matches. */
    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 4096) {
            return Optional.empty();
        }
        byte[] digest = sha256(token);
        Principal found = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.digest(), digest) && found == null) {
                found = e.principal();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Hex SHA-256 of a token, for the {@code sha256:} form in {@code agent.yaml}. */
    public static String sha256Hex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
