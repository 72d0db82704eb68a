package org.jointworks.coordination;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.jointworks.coordination.engine.ClearanceEngine;
import org.jointworks.coordination.engine.ClearanceRule;
import org.jointworks.coordination.engine.ClearanceTable;
import org.jointworks.coordination.engine.ClearanceViolation;
import org.jointworks.layers.Layer;
import org.jointworks.layers.MetricLayer;
import org.jointworks.layers.MetricLayers;
import org.jointworks.reference.Csv;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;

/**
 * Pipeline clearances: loads the table once (the shipped {@code gis-data/clearances.csv} or the
 * file named by {@code jointworks.coordination.clearances-file}; a bad row stops the start-up
 * with its line number) and checks the stored pipelines or a proposed new one against it.
 * Thread-safe.
 */
@Service
public class ClearanceService {
  private final MetricLayers layers;
  private final DistrictAreas districts;
  private final ClearanceTable table;
  private final ClearanceTable vertical;

  ClearanceService(MetricLayers layers, DistrictAreas districts, CoordinationProperties settings) {
    this.layers = layers;
    this.districts = districts;
    this.table = load(settings.clearancesFile());
    this.vertical = load(settings.clearancesFile(), "vertical");
  }

  /** The horizontal rows (table 4.1.9). */
  static ClearanceTable load(String file) {
    return load(file, "horizontal");
  }

  /**
   * The rows of one kind: {@code horizontal} (between parallel pipes, GB 50289-2016 table 4.1.9)
   * or {@code vertical} (at crossings, table 4.1.14); a row without a {@code kind} is horizontal,
   * as files written before the column was added are.
   */
  static ClearanceTable load(String file, String kind) {
    List<Map<String, String>> rows;
    if (file == null || file.isBlank()) {
      rows = Csv.readResource("gis-data/clearances.csv");
    } else {
      try {
        rows = readCsv(Files.readAllLines(Path.of(file)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the clearances file " + file, e);
      }
    }
    List<ClearanceRule> rules = new ArrayList<>();
    int line = 1;
    for (Map<String, String> r : rows) {
      line++;
      String rowKind = r.getOrDefault("kind", "horizontal");
      if (!rowKind.equals("horizontal") && !rowKind.equals("vertical")) {
        throw new IllegalStateException("clearances row " + line
            + ": kind must be horizontal or vertical, not '" + rowKind + "'");
      }
      if (!rowKind.equals(kind)) {
        continue;
      }
      try {
        rules.add(ClearanceRule.parse(r.get("utility_a"), r.get("utility_b"), r.get("condition"),
            Double.parseDouble(r.getOrDefault("min_m", "")), r.get("source")));
      } catch (RuntimeException e) {
        throw new IllegalStateException("clearances row " + line + ": " + e.getMessage(), e);
      }
    }
    return new ClearanceTable(rules);
  }

  /** The same simple CSV as {@link Csv} (header row, no quoted commas), from a file. */
  private static List<Map<String, String>> readCsv(List<String> lines) {
    List<Map<String, String>> rows = new ArrayList<>();
    String[] header = lines.isEmpty() ? new String[0]
        : lines.get(0).replace("\uFEFF", "").split(",", -1);
    for (String l : lines.subList(Math.min(1, lines.size()), lines.size())) {
      if (l.isBlank()) {
        continue;
      }
      String[] cells = l.split(",", -1);
      Map<String, String> row = new java.util.LinkedHashMap<>();
      for (int i = 0; i < header.length && i < cells.length; i++) {
        if (!cells[i].isBlank()) {
          row.put(header[i].trim(), cells[i].trim());
        }
      }
      rows.add(row);
    }
    return rows;
  }

  public ClearanceTable table() {
    return table;
  }

  /** The vertical clearances at crossings. */
  public ClearanceTable verticalTable() {
    return vertical;
  }

  /** Pairs of stored pipelines closer than required, at least one of each pair in the district. */
  public List<ClearanceViolation> violations(String district) {
    MetricLayer pipelines = layers.current(Layer.PIPELINES);
    BitSet in = district == null ? null : districts.positionsIn(district, pipelines);
    return new ClearanceEngine(pipelines, table, vertical).violations(i -> in == null || in.get(i));
  }

  /** What a proposed new pipeline along {@code metric} would violate. */
  public List<ClearanceViolation> against(ClearanceRule.PipeAttributes proposed, String owner,
      Geometry metric) {
    return new ClearanceEngine(layers.current(Layer.PIPELINES), table, vertical)
        .against(proposed, owner, metric);
  }
}
