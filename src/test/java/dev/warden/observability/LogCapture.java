package dev.warden.observability;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * Every log record Warden's process publishes while installed, with the log context (MDC) it had where it was logged:
 * a handler on the root logger, next to the console handler. Close it to take it off.
 */
final class LogCapture extends Handler implements AutoCloseable {

    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();

    static LogCapture install() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    List<ExtLogRecord> records() {
        return List.copyOf(records);
    }

    /** The formatter of the console handler Quarkus configured (JSON or the plain pattern). */
    static Formatter consoleFormatter() {
        Deque<Handler> handlers = new ArrayDeque<>(List.of(Logger.getLogger("").getHandlers()));
        while (!handlers.isEmpty()) {
            Handler handler = handlers.pop();
            if (handler instanceof ConsoleHandler) {
                return handler.getFormatter();
            }
            if (handler instanceof ExtHandler parent) {
                handlers.addAll(List.of(parent.getHandlers()));
            }
        }
        throw new AssertionError("no console handler under the root logger");
    }

    /** The record's message with its parameters, and every exception in its chain, as a reader of the log sees it. */
    static String text(ExtLogRecord record) {
        StringBuilder text = new StringBuilder(Optional.ofNullable(record.getFormattedMessage()).orElse(""));
        for (Throwable thrown = record.getThrown(); thrown != null; thrown = thrown.getCause()) {
            text.append('\n').append(thrown);
        }
        return text.toString();
    }

    @Override
    public void publish(LogRecord record) {
        if (record instanceof ExtLogRecord extended) {
            // The MDC lives on the Vert.x context of the line logged: read it now, on that thread.
            extended.copyAll();
            records.add(extended);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
