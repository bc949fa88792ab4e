package io.smartcloudops.agent.chat.context;

import java.time.Instant;
import java.util.Map;

/**
 * A remediation the chat should know about (proposed by the chat, run by a rule or an operator).
 *
 * @param id      the remediation's id
 * @param at      when its state last changed
 * @param action  {@code restart_service}, {@code scale_up}, {@code notify}
 * @param target  the target host
 * @param params  e.g. {@code unit}
 * @param state   {@code pending}, {@code running}, {@code succeeded}, {@code failed}, {@code planned}, ...
 * @param trigger {@code rule}, {@code operator} or {@code chat}
 * @param actor   who asked
 */
public record RecentAction(String id, Instant at, String action, String target, Map<String, String> params,
                           String state, String trigger, String actor) {

    public RecentAction {
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
