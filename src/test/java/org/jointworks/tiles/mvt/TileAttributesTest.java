package org.jointworks.tiles.mvt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.layers.Feature;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A snapshot's geometries carry the same attributes, in the same order, and the same coordinates
 * as the copied maps and arrays they replaced (decision 88).
 */
class TileAttributesTest {
  @Test
  void theViewEqualsTheCopyItReplaced() {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("name", "朝阳小区");
    props.put("start_date", LocalDate.of(2024, 3, 1));
    props.put("floor_area_m2", 1234.5);
    props.put("owner", null);
    Feature f = new Feature(42, 1, new GeometryFactory().createPoint(new Coordinate(113.9, 35.3)),
        props);
    Map<String, Object> copied = new LinkedHashMap<>();
    copied.put("id", 42L);
    f.properties().forEach((k, v) -> copied.put(k, v instanceof LocalDate d ? d.toString() : v));

    TileAttributes view = new TileAttributes(f);

    assertThat(view).isEqualTo(copied);
    assertThat(new ArrayList<>(view.keySet())).isEqualTo(new ArrayList<>(copied.keySet()));
    assertThat(new ArrayList<>(view.values())).isEqualTo(new ArrayList<>(copied.values()));
    assertThat(view.get("start_date")).isEqualTo("2024-03-01");
    assertThat(view.get("id")).isEqualTo(42L);
    assertThat(view.containsKey("owner")).isTrue();
    assertThat(view.get("missing")).isNull();
  }

  @Test
  void theSnapshotsGeometriesAreTheTransformedOnesWithTheViewAsUserData() {
    GeometryFactory gf = new GeometryFactory();
    Geometry line = gf.createLineString(new Coordinate[] {
        new Coordinate(113.90, 35.30), new Coordinate(113.91, 35.31),
        new Coordinate(113.92, 35.30)});
    Feature f = new Feature(7, 1, line, Map.of("kind", "water"));
    MercatorLayer layer = MercatorLayer.of("works", 1, List.of(f));
    List<Geometry> found = layer.query(layer.query(new org.locationtech.jts.geom.Envelope(
        -2e7, 2e7, -2e7, 2e7)).get(0).getEnvelopeInternal());
    assertThat(found).hasSize(1);
    Geometry g = found.get(0);
    Geometry expected = org.jointworks.geo.Crs.transform(line, org.jointworks.geo.Crs.LONLAT,
        org.jointworks.geo.Crs.WEB_MERCATOR);
    assertThat(g.equalsExact(expected)).isTrue();
    assertThat(g.getSRID()).isEqualTo(org.jointworks.geo.Crs.WEB_MERCATOR);
    assertThat((Map<?, ?>) g.getUserData()).isEqualTo(Map.of("id", 7L, "kind", "water"));
  }
}
