package io.windlass.watch;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * One replica's LISTEN on {@code workload_changes}: a connection of its own (outside the pool,
 * which would take it back), on a thread of its own that waits for notifications and tells the
 * hub. After every (re)connect it tells the hub too, since changes may have committed while it
 * was away; the hub reads them from its cursor, so none is lost. While it waits, a {@code SELECT 1}
 * every {@code probe} finds a connection that died silently.
 */
public class ChangeListener implements AutoCloseable {
    static final String CHANNEL = "workload_changes";
    private static final Logger LOG = Logger.getLogger(ChangeListener.class);

    private final String url;
    private final Properties credentials;
    private final Runnable changed;
    private final Duration probe;
    private final Duration reconnectDelay;
    private volatile boolean running = true;
    private volatile Connection connection;
    private final Thread thread;

    public ChangeListener(String url, String user, String password, Runnable changed, Duration probe,
                          Duration reconnectDelay, String name) {
        this.url = url;
        this.credentials = new Properties();
        credentials.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            credentials.setProperty("password", password);
        }
        credentials.setProperty("ApplicationName", name);
        this.changed = changed;
        this.probe = probe;
        this.reconnectDelay = reconnectDelay;
        this.thread = Thread.ofPlatform().daemon().name(name).unstarted(this::listenUntilClosed);
    }

    public ChangeListener start() {
        thread.start();
        return this;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debugf("closing the listener's connection: %s", e.getMessage());
            }
        }
    }

    private void listenUntilClosed() {
        boolean warned = false;
        while (running) {
            try (Connection c = DriverManager.getConnection(url, credentials)) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                if (warned) {
                    LOG.infof("listening to %s again", CHANNEL);
                    warned = false;
                }
                changed.run();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notes = pg.getNotifications((int) probe.toMillis());
                    if (notes != null && notes.length > 0) {
                        changed.run();
                    } else {
                        try (Statement s = c.createStatement()) {
                            s.execute("SELECT 1");
                        }
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                if (!warned) {
                    LOG.warnf("the LISTEN connection for %s failed, retrying every %s: %s", CHANNEL, reconnectDelay,
                            e.getMessage());
                    warned = true;
                }
                try {
                    Thread.sleep(reconnectDelay);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
