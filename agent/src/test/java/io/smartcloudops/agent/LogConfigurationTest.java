package io.smartcloudops.agent;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The agent logs to stderr at INFO with the HTTP server quiet, as its logback.xml used to say, without the XML. */
class LogConfigurationTest {

    @Test
    void stderrAtInfoWithJettyAndJavalinAtWarn() {
        LoggerContext context = new LoggerContext();
        assertThat(new LogConfiguration().configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getAppender("STDERR")).isInstanceOfSatisfying(ConsoleAppender.class,
                a -> assertThat(a.getTarget()).isEqualTo("System.err"));
        if (System.getenv("SMARTCLOUDOPS_LOG_LEVEL") == null) {
            assertThat(root.getLevel()).isEqualTo(Level.INFO);
        }
        assertThat(context.getLogger("org.eclipse.jetty.server.Server").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("io.javalin").getEffectiveLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void theAgentsOwnLoggingIsTheOneInEffect() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).as("found through META-INF/services").isNotNull();
    }
}
