package com.vendin.whatsapp.app.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** Every log line the JVM writes through Logback while attached (message, arguments, MDC and stack traces). */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    /** Attaches to the root logger. */
    public static CapturedLogs attach() {
        CapturedLogs logs = new CapturedLogs();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.setContext(root.getLoggerContext());
        logs.start();
        root.addAppender(logs);
        return logs;
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getLoggerName())
                .append(' ')
                .append(event.getFormattedMessage())
                .append(' ')
                .append(event.getMDCPropertyMap());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            line.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        lines.add(line.toString());
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(this);
        stop();
    }
}
