package io.smartcloudops.agent.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it leaves the agent (to a model, in an answer, in a log line): private
 * keys, bearer and basic credentials, AWS access keys, well-known token formats (OpenAI, GitHub, Slack,
 * Google, JWT), credentials in URLs, {@code key=value} pairs whose key names a secret, and the agent's own
 * configured secrets wherever they appear. Over-redacts rather than leaks.
 */
public final class SecretRedactor {

    public static final String MARK = "[REDACTED]";

    private static final String SECRET_KEY = "[A-Za-z0-9_.-]*(?:password|passwd|pwd|passphrase|secret|token|api[_-]?key|apikey"
            + "|access[_-]?key|private[_-]?key|client[_-]?secret|credential|session[_-]?id|cookie)[A-Za-z0-9_.-]*";

    private record Rule(Pattern pattern, String replacement) {
        String apply(String s) {
            return pattern.matcher(s).replaceAll(replacement);
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)"),
                    MARK + " (private key)"),
            new Rule(Pattern.compile("(?i)\\b(authorization|proxy-authorization)(\\s*[:=]\\s*)(?:(bearer|basic|token|digest)\\s+)?[^\\s,;\"']+"),
                    "$1$2$3 " + MARK),
            new Rule(Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}"), "$1 " + MARK),
            new Rule(Pattern.compile("\\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA|ABIA|ACCA)[A-Z0-9]{16}\\b"), MARK),
            new Rule(Pattern.compile("\\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{16,}"), MARK),
            new Rule(Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{30,}\\b|\\bgithub_pat_[A-Za-z0-9_]{30,}"), MARK),
            new Rule(Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"), MARK),
            new Rule(Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"), MARK),
            new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"), MARK),
            new Rule(Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://)([^/\\s:@]*):([^/\\s@]+)@"), "$1$2:" + MARK + "@"),
            // "password": "x", password=x, PASSWORD: x, --password x  (the value up to a quote, space or separator)
            new Rule(Pattern.compile("(?i)(\"?\\b" + SECRET_KEY + "\"?\\s*[:=]\\s*\"?)([^\\s\"',;&}]{1,512})"), "$1" + MARK),
            new Rule(Pattern.compile("(?i)(--" + SECRET_KEY + "[ =])([^\\s\"',;&]{1,512})"), "$1" + MARK),
            // a 40-character AWS secret access key next to its name in any spelling
            new Rule(Pattern.compile("(?i)(aws.{0,20}?(?:secret|key).{0,20}?)([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])"), "$1" + MARK));

    private static final Pattern SECRET_FIELD = Pattern.compile("(?i)" + SECRET_KEY);

    private final List<String> known;

    /** @param knownSecrets the agent's own secrets (tokens, API keys); those of 8+ characters are redacted verbatim */
    public SecretRedactor(Collection<String> knownSecrets) {
        this.known = knownSecrets.stream().filter(s -> s != null && s.trim().length() >= 8).map(String::trim)
                .distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static SecretRedactor patternsOnly() {
        return new SecretRedactor(List.of());
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = text;
        for (String secret : known) {
            if (s.contains(secret)) {
                s = s.replace(secret, MARK);
            }
        }
        for (Rule r : RULES) {
            s = r.apply(s);
        }
        return s;
    }

    /** A copy of {@code node} with every text redacted and the values of secret-named fields replaced. */
    public JsonNode redact(JsonNode node) {
        JsonNode copy = node.deepCopy();
        redactInPlace(copy);
        return copy;
    }

    private void redactInPlace(JsonNode node) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getValue().isValueNode() && !f.getValue().isNull() && SECRET_FIELD.matcher(f.getKey()).matches()
                        && !f.getValue().isNumber() && !f.getValue().isBoolean()) {
                    f.setValue(TextNode.valueOf(MARK));
                } else if (f.getValue().isTextual()) {
                    f.setValue(TextNode.valueOf(redact(f.getValue().asText())));
                } else {
                    redactInPlace(f.getValue());
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isTextual()) {
                    a.set(i, TextNode.valueOf(redact(a.get(i).asText())));
                } else {
                    redactInPlace(a.get(i));
                }
            }
        }
    }
}
