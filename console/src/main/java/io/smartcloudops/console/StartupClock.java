package io.smartcloudops.console;


/** Milestones of the console's start, printed with {@code --report-startup} (the start-up benchmark reads them). */
final class StartupClock {

    private static volatile boolean enabled;

    private StartupClock() {
    }

    static void enable() {
        enabled = true;
    }

    /**
     * Milliseconds since the JVM started (its own record, in ms; the process start time the OS reports
     * is only accurate to a second).
     */
    static long sinceProcessStart() {
        return System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    static void mark(String milestone) {
        if (enabled) {
            System.out.println("startup: " + milestone + " at " + sinceProcessStart() + " ms (epoch "
                    + System.currentTimeMillis() + ")");
        }
    }
}
