package org.jointworks.layers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;

/**
 * PostGIS's write path of an import (decisions 61, 101, 104): {@code COPY … FROM STDIN} in text
 * format, one COPY per batch (other statements of the transaction — id blocks, rules — run
 * between batches), the geometry as hex EWKB. Every column is encoded straight to UTF-8 bytes —
 * on a reader thread where it can be ({@link #prepare}) — and a batch is assembled in one buffer
 * kept for the whole import: no {@code String} per row, no builder copied and encoded again. An
 * import of 100,000 communities allocated about 0.8 GB in those copies, which the collector then
 * took CPU for on a 2-core machine where PostgreSQL needs the other core.
 *
 * <p>One per import, on its writing thread; {@link #prepare} is thread-safe.
 */
final class CopyRows implements BulkInsert.Rows {
  private static final byte[] NULL = {'\\', 'N'};
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private final Connection connection;
  private final Layer layer;
  private final String sql;
  private final WKBWriter wkb = BulkInsert.ewkbWriter();
  /** The batch's COPY text; grows to the largest batch, then is reused. */
  private byte[] buffer = new byte[1 << 16];
  private int length;

  CopyRows(Connection connection, Layer layer) {
    this.connection = connection;
    this.layer = layer;
    this.sql = "COPY " + layer.table() + " (" + BulkInsert.columns(layer) + ") FROM STDIN";
  }

  /** Every column's COPY text as UTF-8, on a reader thread. */
  static PreparedColumns prepare(Feature f, List<Field> fields) {
    Object[] columns = new Object[fields.size() + 1];
    columns[0] = geometry(f, BulkInsert.readerWriter());
    for (int i = 0; i < fields.size(); i++) {
      columns[i + 1] = value(f.get(fields.get(i).name()));
    }
    return new PreparedColumns(f, columns);
  }

  @Override
  public void insert(List<Feature> features, List<PreparedColumns> prepared)
      throws SQLException {
    List<Field> fields = layer.fields();
    length = 0;
    for (int at = 0; at < features.size(); at++) {
      Feature f = features.get(at);
      PreparedColumns p = prepared == null ? null : prepared.get(at);
      ascii(Long.toString(f.id()));
      ascii("\t1\t");
      Object geometry = p == null ? null : p.column(f, 0, fields);
      append(geometry != null ? (byte[]) geometry : geometry(f, wkb));
      for (int i = 0; i < fields.size(); i++) {
        put((byte) '\t');
        Object ready = p == null ? null : p.column(f, i + 1, fields);
        append(ready != null ? (byte[]) ready : value(f.get(fields.get(i).name())));
      }
      put((byte) '\n');
    }
    try {
      connection.unwrap(PGConnection.class).getCopyAPI()
          .copyIn(sql, new ByteArrayInputStream(buffer, 0, length));
    } catch (IOException e) {
      throw new SQLException("COPY into " + layer.table() + " failed", e);
    }
  }

  @Override
  public void close() {
    // Nothing held between batches: each COPY ends with its batch.
  }

  /** The geometry's hex EWKB as ASCII, or COPY's null. */
  static byte[] geometry(Feature f, WKBWriter wkb) {
    if (f.geometry() == null) {
      return NULL;
    }
    byte[] bytes = wkb.write(f.geometry());
    byte[] hex = new byte[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      hex[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
      hex[2 * i + 1] = HEX[bytes[i] & 0xF];
    }
    return hex;
  }

  /** A value's COPY text as UTF-8: null as {@code \N}, a text escaped ({@link #escaped}). */
  static byte[] value(Object v) {
    if (v == null) {
      return NULL;
    }
    String text = v instanceof String s ? escaped(s) : v.toString();
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** COPY's text format: backslash, tab, newline and carriage return escaped. */
  static String escaped(String s) {
    int first = 0;
    while (first < s.length() && !special(s.charAt(first))) {
      first++;
    }
    if (first == s.length()) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 8).append(s, 0, first);
    for (int i = first; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  private static boolean special(char ch) {
    return ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r';
  }

  private void ascii(String s) {
    room(s.length());
    for (int i = 0; i < s.length(); i++) {
      buffer[length++] = (byte) s.charAt(i);
    }
  }

  private void append(byte[] bytes) {
    room(bytes.length);
    System.arraycopy(bytes, 0, buffer, length, bytes.length);
    length += bytes.length;
  }

  private void put(byte b) {
    room(1);
    buffer[length++] = b;
  }

  private void room(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }
}
