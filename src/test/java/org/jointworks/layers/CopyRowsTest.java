package org.jointworks.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.geo.Crs;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * PostgreSQL's binary COPY values as {@link CopyRows} encodes them, byte for byte (decision 107):
 * what {@code int8send}, {@code float8send}, {@code date_send} and PostGIS's EWKB give. Every
 * layer's columns round-trip on a real PostGIS in {@code StoreContract}
 * ({@code importedTextsAndNullsComeBackExactly} and the import tests).
 */
class CopyRowsTest {
  private static final List<Field> FIELDS = Layer.WORKS.fields();

  @Test
  void geometryIsLittleEndianEwkbWithItsSrid() {
    Geometry line = new GeometryFactory(new PrecisionModel(), Crs.LONLAT).createLineString(new Coordinate[] {
        new Coordinate(113.85, 35.3), new Coordinate(113.86, 35.31)});
    Feature f = feature(line, Map.of());
    byte[] expected = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true).write(line);
    byte[] ewkb = columns(CopyRows.prepare(f, FIELDS)).get(0);
    assertThat(ewkb).isEqualTo(expected);
    assertThat(WKBWriter.toHex(ewkb)).startsWith("01020000208A110000");
  }

  @Test
  void valuesAreTheirTypesBinaryFormsAndNullIsOneSharedMarker() {
    assertThat(CopyRows.value("甲\t乙\n")).isEqualTo("甲\t乙\n".getBytes(StandardCharsets.UTF_8));
    assertThat(CopyRows.value("")).isEmpty();
    assertThat(CopyRows.value("")).isNotSameAs(CopyRows.NULL);
    assertThat(CopyRows.value(null)).isSameAs(CopyRows.NULL);
    assertThat(CopyRows.value(120L)).containsExactly(0, 0, 0, 0, 0, 0, 0, 120);
    assertThat(CopyRows.value(-2L)).containsExactly(-1, -1, -1, -1, -1, -1, -1, -2);
    // 0.8 = 0x3FE999999999999A
    assertThat(CopyRows.value(0.8)).containsExactly(0x3F, 0xE9 - 256, 0x99 - 256, 0x99 - 256,
        0x99 - 256, 0x99 - 256, 0x99 - 256, 0x9A - 256);
    // 2000-01-01 is day 0; 2027-03-01 is day 9921; 1999-12-31 is day -1
    assertThat(CopyRows.value(LocalDate.of(2000, 1, 1))).containsExactly(0, 0, 0, 0);
    assertThat(CopyRows.value(LocalDate.of(2027, 3, 1))).containsExactly(0, 0, 0x26, 0xC1 - 256);
    assertThat(CopyRows.value(LocalDate.of(1999, 12, 31))).containsExactly(-1, -1, -1, -1);
  }

  @Test
  void everyFieldIsPreparedInTheLayersOrderAndAMissingOneIsNull() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("utility", "gas");
    p.put("owner", "gas");
    p.put("street", "平原路\t东");
    List<byte[]> prepared = columns(CopyRows.prepare(feature(null, p), FIELDS));
    assertThat(prepared).hasSize(FIELDS.size() + 1);
    assertThat(prepared.get(0)).isNull();
    for (int i = 0; i < FIELDS.size(); i++) {
      Object v = p.get(FIELDS.get(i).name());
      if (v == null) {
        assertThat(prepared.get(i + 1)).as(FIELDS.get(i).name()).isNull();
      } else {
        assertThat(new String(prepared.get(i + 1), StandardCharsets.UTF_8))
            .as(FIELDS.get(i).name()).isEqualTo(v);
      }
    }
  }

  /**
   * The writer sends a reader's row as it was prepared, and encodes a feature a rule changed
   * after its read (decision 116) itself, byte for byte as a row prepared from what is stored.
   */
  @Test
  void aPreparedRowIsSentAsItIsAndARuledFeatureAsItIsStored() throws Exception {
    Geometry line = new GeometryFactory(new PrecisionModel(), Crs.LONLAT).createLineString(
        new Coordinate[] {new Coordinate(113.85, 35.3), new Coordinate(113.86, 35.31)});
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("utility", "gas");
    p.put("owner", "gas");
    p.put("status", "planned");
    p.put("start_date", LocalDate.of(2027, 3, 1));
    Feature read = feature(line, p);
    PreparedColumns prepared = CopyRows.prepare(read, FIELDS);
    Map<String, Object> drafted = new LinkedHashMap<>(p);
    drafted.put("status", "draft");
    Feature ruled = new Feature(8, 1, line, drafted);

    CopyRows rows = (CopyRows) CopyRows.encodingOnly(Layer.WORKS);
    rows.insert(List.of(read.withIdentity(7, 1), ruled), List.of(prepared, prepared));
    byte[] sent = rows.lastBatch();
    rows.insert(List.of(read.withIdentity(7, 1), ruled), List.of(prepared,
        CopyRows.prepare(ruled, FIELDS)));

    assertThat(sent).isEqualTo(rows.lastBatch());
    assertThat(new String(sent, StandardCharsets.UTF_8)).contains("draft").contains("planned");
  }

  /** A prepared row's columns, each its bytes or null for SQL NULL. */
  private static List<byte[]> columns(PreparedColumns prepared) {
    byte[] row = (byte[]) prepared.columns()[0];
    ByteBuffer in = ByteBuffer.wrap(row);
    List<byte[]> out = new ArrayList<>();
    while (in.hasRemaining()) {
      int n = in.getInt();
      if (n < 0) {
        out.add(null);
      } else {
        byte[] column = new byte[n];
        in.get(column);
        out.add(column);
      }
    }
    return out;
  }

  private static Feature feature(Geometry g, Map<String, Object> properties) {
    return new Feature(0, 0, g, properties);
  }
}
