package io.smartcloudops.agent;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The agent's logging, set up in code (found by logback through META-INF/services): a human-readable log on
 * stderr, {@code SMARTCLOUDOPS_LOG_LEVEL} (default INFO), the HTTP server's and OSHI's chatter at WARN. Audit and
 * anomaly records are separate JSONL files. Reading the same settings from logback.xml loaded about 600
 * classes of logback's XML configurator and the JDK's XML parser at every start (bench/sidecar); a
 * logback.xml or logback-test.xml on the class path still wins, so an operator can replace this.
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ClassLoader cl = loader != null ? loader : LogConfiguration.class.getClassLoader();
        if (cl.getResource("logback-test.xml") != null || cl.getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        for (String quiet : new String[] {"org.eclipse.jetty", "io.javalin", "oshi", "okhttp3"}) {
            context.getLogger(quiet).setLevel(Level.WARN);
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        String level = System.getenv("SMARTCLOUDOPS_LOG_LEVEL");
        root.setLevel(Level.toLevel(level == null || level.isBlank() ? "INFO" : level.strip(), Level.INFO));
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
