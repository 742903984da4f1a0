package dev.jcoder.cli.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Server logging as Coder's flags set it: human-readable lines to {@code --log-human} (stderr by
 * default) and, when {@code --log-json} names a file, one JSON object per line there.
 */
final class ServerLogging {
    private ServerLogging() {}

    static void configure(String humanPath, Optional<String> jsonPath, boolean verbose) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(verbose ? Level.DEBUG : Level.INFO);
        for (String quiet : new String[] {"org.eclipse.jetty", "io.javalin", "com.zaxxer.hikari", "org.flywaydb", "io.zonky"}) {
            context.getLogger(quiet).setLevel(verbose ? Level.INFO : Level.WARN);
        }
        // grpc-netty sets SO_KEEPALIVE on every connection, which the unix-socket channels of the
        // hosted coder provider reject with a warning per terraform command.
        context.getLogger("io.grpc.netty.shaded.io.netty.bootstrap.ServerBootstrap").setLevel(verbose ? Level.INFO : Level.ERROR);
        if (humanPath != null && !humanPath.isBlank()) {
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(context);
            encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} [%level] %logger{0}: %msg%n%ex{short}");
            encoder.start();
            root.addAppender(appender(context, humanPath, encoder, "human"));
        }
        jsonPath.ifPresent(path -> {
            JsonEncoder encoder = new JsonEncoder();
            encoder.setContext(context);
            encoder.start();
            root.addAppender(appender(context, path, encoder, "json"));
        });
    }

    private static OutputStreamAppender<ILoggingEvent> appender(LoggerContext context, String path,
            Encoder<ILoggingEvent> encoder, String name) {
        OutputStreamAppender<ILoggingEvent> appender;
        if (path.equals("/dev/stderr") || path.equals("/dev/stdout")) {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setTarget(path.equals("/dev/stdout") ? "System.out" : "System.err");
            appender = console;
        } else {
            FileAppender<ILoggingEvent> file = new FileAppender<>();
            file.setFile(path);
            file.setAppend(true);
            appender = file;
        }
        appender.setName(name);
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }
}
