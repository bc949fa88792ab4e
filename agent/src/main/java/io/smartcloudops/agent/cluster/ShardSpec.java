package io.smartcloudops.agent.cluster;

/** {@code i/n}: member {@code i} (0-based) of {@code n} agents. */
public record ShardSpec(int index, int count) {

    public ShardSpec {
        if (count < 1 || count > 1024) {
            throw new IllegalArgumentException("shard count must be 1-1024 (got " + count + ")");
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("shard index must be 0.." + (count - 1) + " (got " + index + ")");
        }
    }

    public static ShardSpec parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not i/n (e.g. 0/3 for the first of three agents)");
        }
        try {
            return new ShardSpec(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not i/n (e.g. 0/3 for the first of three agents)");
        }
    }

    /** The member name on the ring and in Redis. */
    public String memberId() {
        return "shard-" + index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
