package org.jointworks.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of the plan's table ({@code gis-data/districts.csv}) with the approximate seat of the
 * county-level unit, around which its synthetic streets are laid out.
 *
 * @param floorAreaM2 the target floor area in whole square metres (the plan gives 万 m² to two
 *     decimals, i.e. whole hundreds of m²)
 * @param investment the target investment, null where the table leaves it blank
 */
public record DistrictTarget(String code, String name, String nameEn, int communities,
    int households, int buildings, long floorAreaM2, Double investment, double seatLon,
    double seatLat) {

  /** Approximate seats (lon, lat, EPSG:4490) of the units with 2023 projects. */
  private static final Map<String, double[]> SEATS = Map.ofEntries(
      Map.entry("weibin", new double[] {113.855, 35.305}),
      Map.entry("hongqi", new double[] {113.905, 35.290}),
      Map.entry("muye", new double[] {113.900, 35.330}),
      Map.entry("fengquan", new double[] {113.905, 35.385}),
      Map.entry("gaoxin", new double[] {113.960, 35.255}),
      Map.entry("huixian", new double[] {113.805, 35.462}),
      Map.entry("weihui", new double[] {114.065, 35.398}),
      Map.entry("yuanyang", new double[] {113.940, 35.065}),
      Map.entry("yanjin", new double[] {114.205, 35.142}),
      Map.entry("fengqiu", new double[] {114.419, 35.041}),
      Map.entry("changyuan", new double[] {114.669, 35.201}));

  public DistrictTarget {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    if (communities < 1 || buildings < communities || households < communities
        || floorAreaM2 < communities) {
      throw new IllegalArgumentException(code + ": every community needs at least one building,"
          + " one household and one m²");
    }
  }

  /** The plan's table, read from {@code gis-data/districts.csv} on the class path. */
  public static List<DistrictTarget> plan() {
    try (InputStream in = DistrictTarget.class.getResourceAsStream("/gis-data/districts.csv")) {
      if (in == null) {
        throw new IllegalStateException("gis-data/districts.csv is not on the class path");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gis-data/districts.csv", e);
    }
  }

  /** Reads the table (UTF-8, header row, no quoted commas), in file order. */
  public static List<DistrictTarget> read(InputStream in) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String[] header = r.readLine().replace("\uFEFF", "").split(",", -1);
    List<DistrictTarget> rows = new ArrayList<>();
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.length && i < cells.length; i++) {
        if (!cells[i].isBlank()) {
          row.put(header[i].trim(), cells[i].trim());
        }
      }
      String code = row.get("code");
      double[] seat = SEATS.get(code);
      if (seat == null) {
        throw new IllegalArgumentException("no seat known for district '" + code + "'");
      }
      String investment = row.get("target_investment");
      rows.add(new DistrictTarget(code, row.get("name"), row.get("name_en"),
          Integer.parseInt(row.get("target_communities")),
          Integer.parseInt(row.get("target_households")),
          Integer.parseInt(row.get("target_buildings")),
          Math.round(Double.parseDouble(row.get("target_floor_area_m2"))),
          investment == null ? null : Double.valueOf(investment), seat[0], seat[1]));
    }
    return List.copyOf(rows);
  }

  /** The name without its 区/市/县 suffix, for street names: 卫滨区 gives 卫滨. */
  String shortName() {
    return name.length() > 2 ? name.substring(0, name.length() - 1) : name;
  }

  /** The district layer's properties: the table row as it is. */
  Map<String, Object> properties() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("code", code);
    p.put("name", name);
    p.put("name_en", nameEn);
    p.put("target_communities", (long) communities);
    p.put("target_households", (long) households);
    p.put("target_buildings", (long) buildings);
    p.put("target_floor_area_m2", (double) floorAreaM2);
    if (investment != null) {
      p.put("target_investment", investment);
    }
    return p;
  }
}
