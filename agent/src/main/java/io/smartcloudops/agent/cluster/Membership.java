package io.smartcloudops.agent.cluster;

import java.util.Set;

/** Which agents are alive, including this one. */
public sealed interface Membership extends AutoCloseable permits StaticMembership, RedisMembership {

    String self();

    /** Live members, always including {@link #self()}. */
    Set<String> members();

    @Override
    default void close() {
    }
}
