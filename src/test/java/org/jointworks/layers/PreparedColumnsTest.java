package org.jointworks.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.geo.Geometries;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * What a reader prepared is bound only where the feature written still holds the value it was
 * prepared from (decision 101): a write rule's change (a work imported without a status becomes
 * a draft) is encoded again by the writer, never stored as the stale prepared column.
 */
class PreparedColumnsTest {
  private static final List<Field> FIELDS = Layer.WORKS.fields();

  @Test
  void aColumnARuleChangedIsLeftToTheWriterAndTheOthersAreKept() {
    Feature read = work("planned");
    PreparedColumns p = new PreparedColumns(read, prepared(read));
    Feature ruled = new Feature(7, 1, read.geometry(), with(read, "status", "draft"));

    int status = index("status");
    int owner = index("owner");
    assertThat(p.column(ruled, status, FIELDS)).isNull();
    assertThat(p.column(ruled, owner, FIELDS)).isEqualTo("prepared owner");
    assertThat(p.column(ruled, 0, FIELDS)).isEqualTo("prepared geometry");
    assertThat(p.column(read.withIdentity(9, 1), status, FIELDS)).isEqualTo("prepared status");
  }

  @Test
  void anotherGeometryIsEncodedByTheWriter() {
    Feature read = work("planned");
    PreparedColumns p = new PreparedColumns(read, prepared(read));
    Geometry moved = read.geometry().copy();
    assertThat(p.column(new Feature(7, 1, moved, read.properties()), 0, FIELDS)).isNull();
  }

  private static int index(String field) {
    for (int i = 0; i < FIELDS.size(); i++) {
      if (FIELDS.get(i).name().equals(field)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException(field);
  }

  private static Object[] prepared(Feature f) {
    Object[] columns = new Object[FIELDS.size() + 1];
    columns[0] = "prepared geometry";
    for (int i = 0; i < FIELDS.size(); i++) {
      columns[i + 1] = f.get(FIELDS.get(i).name()) == null ? null
          : "prepared " + FIELDS.get(i).name();
    }
    return columns;
  }

  private static Map<String, Object> with(Feature f, String key, Object value) {
    Map<String, Object> p = new LinkedHashMap<>(f.properties());
    p.put(key, value);
    return p;
  }

  private static Feature work(String status) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("utility", "water");
    p.put("owner", "xx-water");
    p.put("status", status);
    return Feature.unsaved(Geometries.LONLAT.createLineString(new Coordinate[] {
        new Coordinate(113.9, 35.3), new Coordinate(113.91, 35.3)}), p);
  }
}
