package org.jointworks.layers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jointworks.geo.Ewkb;
import org.locationtech.jts.geom.Geometry;
import org.postgresql.PGConnection;

/**
 * PostGIS's write path of an import (decisions 61, 101, 104, 107): {@code COPY … FROM STDIN} in
 * PostgreSQL's <em>binary</em> format, one COPY per batch (other statements of the transaction —
 * id blocks, rules — run between batches). Each column goes as its type's own binary value: the
 * geometry as EWKB (PostGIS's {@code geometry_recv}, which checks the column's type and SRID as
 * the text input does), numbers as 8 big-endian bytes, dates as days since 2000-01-01, texts as
 * UTF-8 (checked against the column's length and the encoding by the server, as in text). Text
 * COPY made PostgreSQL parse hex EWKB and decimal numbers, and the service write them: binary
 * halved the server's share of a load (0.23–0.26 s against 0.44–0.60 s per 100,000 communities)
 * on a 2-core machine where it competes with the import's own reading threads.
 *
 * <p>The reading threads encode each row but its id and version ({@link #prepare}, as one array,
 * decision 116); the writer copies them into one buffer kept for the whole import. One per
 * import, on its writing thread; {@link #prepare} is thread-safe.
 */
final class CopyRows implements BulkInsert.Rows {
  /** A prepared column that is SQL NULL (compared by identity: an empty text is not null). */
  static final byte[] NULL = new byte[0];
  /** The binary format's header: signature, no flags, no extension. */
  private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r',
      '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
  /** PostgreSQL's dates count days from 2000-01-01. */
  private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

  private final Connection connection;
  private final Layer layer;
  private final String sql;
  /** The batch's COPY data; grows to the largest batch, then is reused. */
  private byte[] buffer = new byte[1 << 16];
  private int length;

  CopyRows(Connection connection, Layer layer) {
    this.connection = connection;
    this.layer = layer;
    this.sql = "COPY " + layer.table() + " (" + BulkInsert.columns(layer)
        + ") FROM STDIN (FORMAT binary)";
  }

  /**
   * The feature's row after its id and version, on a reader thread: every column as COPY takes it
   * (its length, then its bytes; -1 for NULL), the geometry's EWKB written in place, as one array
   * (decision 116). A column an array each was eight objects a feature, alive from its read to its
   * batch's COPY, copied by every young pause that met them; the writer now copies one.
   */
  static PreparedColumns prepare(Feature f, List<Field> fields) {
    return new PreparedColumns(f, new Object[] {row(f, fields)});
  }

  /**
   * The row after its id and version, as {@link #prepare} keeps it: on a reader thread, or on the
   * writer for a feature a write rule changed after its read.
   */
  private static byte[] row(Feature f, List<Field> fields) {
    Geometry g = f.geometry();
    int direct = g == null ? -1 : Ewkb.size(g);
    byte[] ewkb = g != null && direct < 0 ? Ewkb.of(g) : null;
    byte[][] values = new byte[fields.size()][];
    int size = 4 + (ewkb != null ? ewkb.length : Math.max(direct, 0));
    for (int i = 0; i < values.length; i++) {
      values[i] = value(f.get(fields.get(i).name()));
      size += 4 + values[i].length;
    }
    byte[] row = new byte[size];
    int at;
    if (g == null) {
      at = putInt(row, 0, -1);
    } else if (ewkb != null) {
      at = put(row, putInt(row, 0, ewkb.length), ewkb);
    } else {
      at = Ewkb.into(g, row, putInt(row, 0, direct));
    }
    for (byte[] v : values) {
      at = v == NULL ? putInt(row, at, -1) : put(row, putInt(row, at, v.length), v);
    }
    assert at == size;
    return row;
  }

  private static int putInt(byte[] out, int at, int v) {
    out[at] = (byte) (v >>> 24);
    out[at + 1] = (byte) (v >>> 16);
    out[at + 2] = (byte) (v >>> 8);
    out[at + 3] = (byte) v;
    return at + 4;
  }

  private static int put(byte[] out, int at, byte[] bytes) {
    System.arraycopy(bytes, 0, out, at, bytes.length);
    return at + bytes.length;
  }

  /**
   * The import warm-up's writer (decision 107): encodes each batch as {@link #insert} does and
   * sends nothing, so the encoding is compiled before the first real import without a write.
   */
  static BulkInsert.Rows encodingOnly(Layer layer) {
    return new CopyRows(null, layer);
  }

  @Override
  public void insert(List<Feature> features, List<PreparedColumns> prepared)
      throws SQLException {
    encode(features, prepared);
    if (connection == null) {
      return; // encodingOnly
    }
    try {
      connection.unwrap(PGConnection.class).getCopyAPI()
          .copyIn(sql, new ByteArrayInputStream(buffer, 0, length));
    } catch (IOException e) {
      throw new SQLException("COPY into " + layer.table() + " failed", e);
    }
  }

  /** The batch in COPY's binary format, header to trailer, in {@link #buffer}. */
  private void encode(List<Feature> features, List<PreparedColumns> prepared) {
    List<Field> fields = layer.fields();
    short count = (short) (fields.size() + 3);
    length = 0;
    append(HEADER);
    for (int at = 0; at < features.size(); at++) {
      Feature f = features.get(at);
      PreparedColumns p = prepared == null ? null : prepared.get(at);
      room(2 + 2 * 12);
      putShort(count);
      putInt(8);
      putLong(f.id());
      putInt(8);
      putLong(1);
      // A feature a write rule changed after its read (a work imported without a status becomes
      // a draft), or one nothing was prepared for, is encoded here, as stored.
      append(p != null && p.unchanged(f, fields) ? (byte[]) p.columns()[0] : row(f, fields));
    }
    room(2);
    putShort((short) -1);
  }

  /** The last batch as sent (or, {@link #encodingOnly}, as it would have been): for tests. */
  byte[] lastBatch() {
    return Arrays.copyOf(buffer, length);
  }

  @Override
  public void close() {
    // Nothing held between batches: each COPY ends with its batch.
  }

  /**
   * A value's binary form as its column takes it: a text as UTF-8, a whole number as {@code int8},
   * a real one as {@code float8}, a date as {@code date}; {@link #NULL} for null.
   */
  static byte[] value(Object v) {
    if (v == null) {
      return NULL;
    }
    if (v instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    if (v instanceof Long || v instanceof Integer) {
      return bigEndian(((Number) v).longValue(), 8);
    }
    if (v instanceof Double d) {
      return bigEndian(Double.doubleToLongBits(d), 8);
    }
    if (v instanceof LocalDate d) {
      return bigEndian(d.toEpochDay() - PG_EPOCH_DAY, 4);
    }
    // A field's values are only these (FieldType); anything else is a bug, not a user's input.
    throw new IllegalStateException("no COPY form for a " + v.getClass().getName());
  }

  private static byte[] bigEndian(long v, int bytes) {
    byte[] out = new byte[bytes];
    for (int i = bytes - 1; i >= 0; i--) {
      out[i] = (byte) v;
      v >>>= 8;
    }
    return out;
  }

  private void append(byte[] bytes) {
    room(bytes.length);
    length = put(buffer, length, bytes);
  }

  private void putShort(short v) {
    buffer[length++] = (byte) (v >>> 8);
    buffer[length++] = (byte) v;
  }

  private void putInt(int v) {
    length = putInt(buffer, length, v);
  }

  private void putLong(long v) {
    putInt((int) (v >>> 32));
    putInt((int) v);
  }

  private void room(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }
}
