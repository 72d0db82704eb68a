package org.jointworks.cluster;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerRevisions;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Hears the other instances' writes and applies them to this instance's revisions, so its
 * snapshots, tile cache and counts follow (they compare their revision with
 * {@link LayerRevisions} on their next read and re-read what the change log names).
 *
 * <p>One daemon thread holds one connection of the pool with {@code LISTEN jointworks_layers}
 * and waits on the PostgreSQL driver's {@code PGConnection.getNotifications(timeout)}. A
 * notification of the next revision carrying its ids and envelope is applied as it is; any other
 * sends the instance to the log in the store. Missed notifications (the connection dropped, the
 * primary failed over, the instance was paused) are found by comparing every layer's revision
 * with the store's after each (re)connect and every {@code jointworks.cluster.check-millis}:
 * the layers found behind are caught up from the log, or, when the log no longer reaches back,
 * marked "changed, reach unknown" so their snapshots and cached tiles rebuild.
 *
 * <p>Thread-safe: the thread only calls {@link LayerRevisions}' thread-safe catch-up.
 */
@Component
@Profile("postgis")
class LayerChangeListener implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(LayerChangeListener.class);
  /** How long one wait for notifications lasts; also the longest delay of a stop. */
  private static final int WAIT_MILLIS = 250;

  private final DataSource dataSource;
  private final LayerRevisions revisions;
  private final long checkMillis;
  private volatile boolean running;
  private Thread thread;

  LayerChangeListener(DataSource dataSource, LayerRevisions revisions,
      @Value("${jointworks.cluster.check-millis:2000}") long checkMillis) {
    this.dataSource = dataSource;
    this.revisions = revisions;
    this.checkMillis = checkMillis;
  }

  @Override
  public synchronized void start() {
    running = true;
    thread = new Thread(this::listen, "layer-changes");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void listen() {
    while (running) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + PostgresRevisionJournal.CHANNEL);
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        caughtUp("after (re)connecting");
        LOG.info("Listening for other instances' writes; revisions compared with the store");
        long lastCheck = System.currentTimeMillis();
        while (running) {
          PGNotification[] heard = pg.getNotifications(WAIT_MILLIS);
          if (heard != null) {
            for (PGNotification n : heard) {
              apply(n.getParameter());
            }
          }
          if (System.currentTimeMillis() - lastCheck >= checkMillis) {
            if (!c.isValid(2)) {
              throw new java.sql.SQLException("the listening connection is no longer valid");
            }
            caughtUp("on the periodic check");
            lastCheck = System.currentTimeMillis();
          }
        }
      } catch (Exception e) {
        if (running) {
          LOG.warn("Listening for other instances' writes failed ({}); reconnecting", e.toString());
          pause();
        }
      }
    }
  }

  private void apply(String payload) {
    ChangeMessage.parse(payload).ifPresent(h -> {
      if (h.change() != null) {
        revisions.heard(h.layer(), h.change());
      } else {
        revisions.catchUp(h.layer(), h.revision());
      }
    });
  }

  /** Debug only: a notification may simply arrive just after the check that found its write. */
  private void caughtUp(String when) {
    List<Layer> behind = revisions.catchUpAll();
    if (!behind.isEmpty()) {
      LOG.debug("Caught up with writes not heard {}: {}", when, behind);
    }
  }

  private void pause() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
