package org.jointworks.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
 * PostGIS's COPY text as {@link CopyRows} encodes it, byte for byte (decision 104): the same text
 * the earlier String-built rows gave, now without a String per row. Stored texts round-trip on a
 * real PostGIS in {@code StoreContract.importedTextsAndNullsComeBackExactly}.
 */
class CopyRowsTest {
  private static final List<Field> FIELDS = Layer.WORKS.fields();

  @Test
  void geometryIsUpperCaseHexEwkbWithItsSrid() {
    Geometry line = new GeometryFactory(new PrecisionModel(), Crs.LONLAT).createLineString(new Coordinate[] {
        new Coordinate(113.85, 35.3), new Coordinate(113.86, 35.31)});
    Feature f = feature(line, Map.of());
    String expected = WKBWriter.toHex(
        new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true).write(line));
    byte[] hex = (byte[]) CopyRows.prepare(f, FIELDS).columns()[0];
    assertThat(new String(hex, StandardCharsets.US_ASCII)).isEqualTo(expected)
        .startsWith("01020000208A110000");
  }

  @Test
  void textsAreEscapedAndEncodedAsUtf8NullsAreBackslashN() {
    assertThat(text(CopyRows.value("甲\t乙\\丙\n丁\r戊"))).isEqualTo("甲\\t乙\\\\丙\\n丁\\r戊");
    assertThat(text(CopyRows.value("\\N"))).isEqualTo("\\\\N");
    assertThat(text(CopyRows.value("plain"))).isEqualTo("plain");
    assertThat(CopyRows.value("新乡")).isEqualTo("新乡".getBytes(StandardCharsets.UTF_8));
    assertThat(text(CopyRows.value(null))).isEqualTo("\\N");
    assertThat(text(CopyRows.value(0.8))).isEqualTo("0.8");
    assertThat(text(CopyRows.value(120L))).isEqualTo("120");
    assertThat(text(CopyRows.value(LocalDate.of(2027, 3, 1)))).isEqualTo("2027-03-01");
    String plain = "no escapes: the text itself, no copy";
    assertThat(CopyRows.escaped(plain)).isSameAs(plain);
  }

  @Test
  void everyFieldIsPreparedInTheLayersOrderAndAMissingOneIsNull() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("utility", "gas");
    p.put("owner", "gas");
    p.put("street", "平原路\t东");
    PreparedColumns prepared = CopyRows.prepare(feature(null, p), FIELDS);
    assertThat(text((byte[]) prepared.columns()[0])).isEqualTo("\\N");
    for (int i = 0; i < FIELDS.size(); i++) {
      Object v = p.get(FIELDS.get(i).name());
      assertThat(text((byte[]) prepared.columns()[i + 1])).as(FIELDS.get(i).name())
          .isEqualTo(v == null ? "\\N" : v.toString().replace("\t", "\\t"));
    }
  }

  private static Feature feature(Geometry g, Map<String, Object> properties) {
    return new Feature(0, 0, g, properties);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
