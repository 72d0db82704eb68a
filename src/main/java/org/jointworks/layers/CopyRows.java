package org.jointworks.layers;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.jointworks.geo.Ewkb;
import org.locationtech.jts.geom.Geometry;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

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
 * decision 116); the writer copies them into one buffer of {@value #PIECE} bytes and sends it each
 * time it fills, inside the batch's COPY (decision 118): PostgreSQL starts on a batch's first rows
 * while its last are being copied, and no buffer grows to a batch's size (5 MB for 10,000
 * communities, made again by every import in steps of 1, 2 and 4 MB: allocations that large go
 * straight to the collector's old regions and started a marking cycle in the middle of an
 * import). One per import, on its writing thread; {@link #prepare} is thread-safe.
 */
final class CopyRows implements BulkInsert.Rows {
  /** A prepared column that is SQL NULL (compared by identity: an empty text is not null). */
  static final byte[] NULL = new byte[0];
  /** The binary format's header: signature, no flags, no extension. */
  private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r',
      '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
  /** PostgreSQL's dates count days from 2000-01-01. */
  private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

  /**
   * Bytes of COPY data sent at a time: large enough that a message's own cost is nothing, small
   * enough to stay below half a heap region of G1 at any heap size (a larger array is allocated
   * in the old generation and counts towards starting a marking cycle).
   */
  static final int PIECE = 128 * 1024;

  private final Connection connection;
  private final Layer layer;
  private final String sql;
  /** The part of the batch's COPY data not yet sent; a row longer than it gets a larger one. */
  private byte[] buffer = new byte[PIECE];
  private int length;
  /** The COPY being written, or null (between batches, and always for {@link #encodingOnly}). */
  private CopyIn copy;
  /** {@link #encodingOnly}: every byte of the last batch, kept for {@link #lastBatch}. */
  private final ByteArrayOutputStream encoded;

  CopyRows(Connection connection, Layer layer) {
    this.connection = connection;
    this.encoded = connection == null ? new ByteArrayOutputStream() : null;
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
    if (connection == null) {
      encoded.reset();
      encode(features, prepared);
      return;
    }
    copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    try {
      encode(features, prepared);
      copy.endCopy();
    } finally {
      // A failure half-way (the server refused a row, the connection broke): the COPY is
      // cancelled, so the transaction can still be rolled back on this connection.
      if (copy.isActive()) {
        copy.cancelCopy();
      }
      copy = null;
    }
  }

  /**
   * The batch in COPY's binary format, header to trailer, sent a {@link #PIECE} at a time (to
   * {@link #encoded} for {@link #encodingOnly}).
   */
  private void encode(List<Feature> features, List<PreparedColumns> prepared)
      throws SQLException {
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
    send();
  }

  /** {@link #encodingOnly}: the last batch as it would have been sent, for tests. */
  byte[] lastBatch() {
    return encoded.toByteArray();
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

  private void append(byte[] bytes) throws SQLException {
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

  /** Sends what the buffer holds when {@code more} bytes would not fit in it after. */
  private void room(int more) throws SQLException {
    if (length + more > buffer.length) {
      send();
      if (more > buffer.length) {
        buffer = new byte[more]; // a row larger than a piece: a large area, sent whole
      }
    }
  }

  /** Sends the buffer's bytes on (to the COPY, or to {@link #encoded}) and empties it. */
  private void send() throws SQLException {
    if (copy != null) {
      copy.writeToCopy(buffer, 0, length);
    } else {
      encoded.write(buffer, 0, length);
    }
    length = 0;
  }
}
