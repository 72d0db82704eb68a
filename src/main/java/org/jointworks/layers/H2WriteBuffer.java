package org.jointworks.layers;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Widens the embedded store's write buffer (decision 109): how much changed-page memory H2's
 * MVStore lets a transaction pile up before the writing thread itself stops to write the file.
 *
 * <p>H2 fixes that threshold at 19 MB and offers no setting for it. MVStore counts every copy it
 * makes of a page it changes, so one 50,000-work import body counts about 110 MB: at 19 MB its
 * inserting thread wrote the file five or six times mid-transaction, and its commit then changed
 * each of those rows again (H2 marks every row committed), read back the pages the cache had let
 * go, and wrote them all a second time. Measured on plain H2 2.4.240 with 1,000,000 works-shaped
 * rows in twenty transactions: 35.5–39.6 s and a 447 MB file at 19 MB; 20.9–24.5 s and 184 MB at
 * 128 MB or more.
 *
 * <p>The whole body must fit: 100,000 communities count about 423 MB, and a threshold between
 * H2's and a body's count was slower than H2's own (the body written in larger pieces, the commit
 * reading more of them back: 100,000-row bodies of 500-byte rows took 13.7 s at 256 MB against
 * 9.3–10.0 s at 19 MB and 8.4 s at 1 GB). Hence half the heap, at most 1 GB; a larger body than
 * that is written in pieces as before.
 *
 * <p>Nothing about durability changes: with {@code WRITE_DELAY=0} every commit still writes and
 * syncs the file before it returns ({@code TransactionStore.endTransaction}); only the writes of
 * uncommitted pages in the middle of a transaction become rarer, and a crash before the commit
 * loses exactly what it lost before, the uncommitted rows. The memory held is the last copy of
 * each changed page, a fraction of the count (13–35 MB for a 50,000-work body, about 50 MB for
 * 100,000 rows of 500 bytes), bounded by it.
 *
 * <p>H2 keeps the threshold in a private field of the store, so this sets it by reflection. A
 * newer H2 without that field leaves H2's own threshold and logs so; {@code H2WriteBufferTest}
 * fails on such an H2, so an upgrade brings this class back to a reader.
 */
final class H2WriteBuffer {
  private static final Logger log = LoggerFactory.getLogger(H2WriteBuffer.class);
  /** The count at which this service lets H2 write mid-transaction, at most. */
  static final int MAX_BYTES = 1 << 30;

  private H2WriteBuffer() {}

  /** The threshold for this JVM: half the heap, at most 1 GB. */
  static int bytes() {
    return (int) Math.min(MAX_BYTES, Runtime.getRuntime().maxMemory() / 2);
  }

  /**
   * Raises the threshold of the H2 store behind {@code c} to {@link #bytes()} (never lowers it);
   * returns the threshold now in force, or -1 when {@code c} is not an embedded H2 file store.
   */
  static int widen(Connection c) {
    try {
      MVStore store = fileStore(c);
      if (store == null) {
        return -1;
      }
      int now = store.getAutoCommitMemory();
      int wanted = bytes();
      if (now >= wanted) {
        return now;
      }
      Field threshold = MVStore.class.getDeclaredField("autoCommitMemory");
      threshold.setAccessible(true);
      threshold.setInt(store, wanted);
      return store.getAutoCommitMemory();
    } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
      log.warn("H2's write buffer stays at its own size: {}", e.toString());
      return -1;
    }
  }

  /** The MVStore of the embedded H2 file store behind {@code c}, or null for any other store. */
  static MVStore fileStore(Connection c) throws SQLException {
    if (!c.isWrapperFor(JdbcConnection.class)) {
      return null;
    }
    Session session = c.unwrap(JdbcConnection.class).getSession();
    if (!(session instanceof SessionLocal local) || local.getDatabase().getStore() == null) {
      return null;
    }
    MVStore store = local.getDatabase().getStore().getMvStore();
    return store.getFileStore() == null ? null : store;
  }
}
