package io.smartcloudops.agent.auth;

import io.smartcloudops.agent.config.AuthConfig;
import io.smartcloudops.agent.config.ConfigException;
import io.smartcloudops.agent.config.TokenEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Builds the {@link TokenAuthenticator} from configuration, generating a token file when none is set. */
public final class Authenticators {

    /** The authenticator plus the generated token, when one was needed. */
    public record Result(TokenAuthenticator authenticator, Optional<TokenFile.Generated> generated) {
    }

    private Authenticators() {
    }

    public static Result fromConfig(AuthConfig auth, Map<String, String> env) {
        TokenAuthenticator.Builder b = TokenAuthenticator.builder();
        int count = 0;
        if (auth.viewerToken() != null && !auth.viewerToken().isBlank()) {
            b.token("viewer", Role.VIEWER, auth.viewerToken());
            count++;
        }
        if (auth.operatorToken() != null && !auth.operatorToken().isBlank()) {
            b.token("operator", Role.OPERATOR, auth.operatorToken());
            count++;
        }
        if (auth.tokens() != null) {
            for (int i = 0; i < auth.tokens().size(); i++) {
                TokenEntry t = auth.tokens().get(i);
                if (t.sha256() != null) {
                    b.digest(t.name(), t.role(), t.sha256());
                } else {
                    String value = env.get(t.env());
                    if (value == null || value.isBlank()) {
                        throw new ConfigException("auth.tokens[" + i + "].env", "environment variable " + t.env() + " is not set");
                    }
                    b.token(t.name(), t.role(), value.trim());
                }
                if (t.role() != Role.WEBHOOK) {
                    count++;
                }
            }
        }
        // A webhook token alone lets nobody read or act: the first-start operator token is still made below.
        if (auth.webhookToken() != null && !auth.webhookToken().isBlank()) {
            b.token("webhook", Role.WEBHOOK, auth.webhookToken());
        }
        if (count > 0) {
            return new Result(b.build(), Optional.empty());
        }
        Path path = auth.tokenFile() != null && !auth.tokenFile().isBlank()
                ? Path.of(auth.tokenFile()) : TokenFile.defaultPath(env);
        try {
            TokenFile.Generated generated = TokenFile.readOrCreate(path);
            b.token("local-operator", Role.OPERATOR, generated.token());
            return new Result(b.build(), Optional.of(generated));
        } catch (IOException e) {
            throw new ConfigException("auth.token_file", "no token is configured and " + path
                    + " cannot be written (" + e.getMessage() + "); set SMARTCLOUDOPS_OPERATOR_TOKEN");
        }
    }
}
