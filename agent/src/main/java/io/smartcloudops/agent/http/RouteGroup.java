package io.smartcloudops.agent.http;

/** A feature's REST routes; each feature registers its own group with {@link AgentServer}. */
@FunctionalInterface
public interface RouteGroup {
    void register(ApiRoutes routes);
}
