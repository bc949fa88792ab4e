package io.smartcloudops.infra;

/** An IPv4 CIDR block, enough to check containment and overlap. */
record Cidr(long base, int prefix) {

    static Cidr parse(String text) {
        String[] parts = text.split("/");
        String[] octets = parts[0].split("\\.");
        if (parts.length != 2 || octets.length != 4) {
            throw new IllegalArgumentException("not an IPv4 CIDR block: " + text);
        }
        long ip = 0;
        for (String o : octets) {
            int v = Integer.parseInt(o);
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("not an IPv4 CIDR block: " + text);
            }
            ip = ip << 8 | v;
        }
        int prefix = Integer.parseInt(parts[1]);
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("not an IPv4 CIDR block: " + text);
        }
        return new Cidr(ip & mask(prefix), prefix);
    }

    boolean contains(Cidr other) {
        return other.prefix >= prefix && (other.base & mask(prefix)) == base;
    }

    boolean overlaps(Cidr other) {
        return contains(other) || other.contains(this);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }
}
