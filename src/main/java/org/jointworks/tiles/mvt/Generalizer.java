package org.jointworks.tiles.mvt;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * What a tile shows of features too small or too many to draw one by one (issue 18: a city of
 * 100,000 communities whole at every zoom; works visible, clustered, at the opening zoom).
 *
 * <p><b>Dots.</b> A feature under a pixel is not dropped but drawn as a dot at its envelope's
 * centre, at most one per cell of {@code cellUnits} tile units (the first feature met keeps the
 * cell, with its id, and the dot says how many features share it: {@code dot} = count). So every
 * place that has a community shows one, and a tile never holds more dots than cells. Below
 * {@link #OVERVIEW_BELOW} every feature is a dot of a coarser cell (the overview).
 *
 * <p><b>Clusters.</b> Below a layer's cluster zoom every feature is counted into a cell of
 * {@link #CLUSTER_CELL_UNITS} (64 screen pixels) by its envelope's centre; a cell with one
 * feature gives that feature as a point with all its attributes ({@code count} 1), a cell with
 * more a point at the members' mean centre with {@code count} and {@code cluster} 1 and no id,
 * and, where the members have an {@code owner}, {@code owner_<owner>} = how many are that owner's
 * (the map's "only own" filter shows and counts a utility's own works in the clusters).
 * Only centres inside the tile (not its buffer) count, so neighbouring tiles never count a
 * feature twice. Stateless.
 */
final class Generalizer {
  /** A cluster cell: 64 screen pixels of a 256-pixel tile. */
  static final int CLUSTER_CELL_UNITS = TileEncoder.EXTENT / 4;
  /**
   * Below this zoom (the opening view on the 12 counties is z8–9) a dots layer is an overview:
   * every feature, whatever its size, is counted into a cell of {@link #OVERVIEW_CELL_PIXELS} by
   * its centre, so the city is still whole but drawn as a few hundred counted dots instead of
   * thousands (decision 95: drawing them was most of the first map in a GPU-less browser).
   */
  static final int OVERVIEW_BELOW = 10;
  /** An overview dot's cell, in screen pixels (a dot of 2 px cells from {@link #OVERVIEW_BELOW}). */
  static final int OVERVIEW_CELL_PIXELS = 8;

  /** The attribute a pipeline's dot keeps of its first pipe (the map's colour). */
  private static final String UTILITY = "utility";

  private Generalizer() {}

  /** A point in tile units ({@code x}, {@code y} from the tile's top left) with its tags. */
  record Mark(double x, double y, Map<String, Object> tags) {}

  /** Cell index of a centre in tile units, or -1 when the centre is outside the tile. */
  private static int cell(double ux, double uy, int cellUnits) {
    if (ux < 0 || uy < 0 || ux >= TileEncoder.EXTENT || uy >= TileEncoder.EXTENT) {
      return -1;
    }
    int perRow = TileEncoder.EXTENT / cellUnits;
    return (int) (uy / cellUnits) * perRow + (int) (ux / cellUnits);
  }

  /** Accumulates dots: one per occupied cell. Not thread-safe; one per tile and layer. */
  static final class Dots {
    private final Envelope tile;
    private final double unitsPerM;
    private final int cellUnits;
    private final Map<Integer, Object[]> cells = new LinkedHashMap<>();

    Dots(Envelope tile3857, double unitsPerM, int cellUnits) {
      this.tile = tile3857;
      this.unitsPerM = unitsPerM;
      this.cellUnits = cellUnits;
    }

    void add(Geometry g) {
      Envelope e = g.getEnvelopeInternal();
      Map<?, ?> tags = (Map<?, ?>) g.getUserData();
      add((e.getMinX() + e.getMaxX()) / 2, (e.getMinY() + e.getMaxY()) / 2, tags.get("id"),
          tags.get(UTILITY));
    }

    /** A feature by its centre (EPSG:3857) and id. */
    void add(double x3857, double y3857, Object id) {
      add(x3857, y3857, id, null);
    }

    /**
     * As {@link #add(double, double, Object)}; a pipeline's dot keeps its first pipe's
     * {@code utility}, so the map colours it as the utility's network.
     */
    private void add(double x3857, double y3857, Object id, Object utility) {
      double ux = (x3857 - tile.getMinX()) * unitsPerM;
      double uy = (tile.getMaxY() - y3857) * unitsPerM;
      int c = cell(ux, uy, cellUnits);
      if (c < 0) {
        return;
      }
      Object[] dot = cells.get(c);
      if (dot == null) {
        cells.put(c, new Object[] {ux, uy, id, 1, utility});
      } else {
        dot[3] = (Integer) dot[3] + 1;
      }
    }

    List<Mark> marks() {
      return cells.values().stream().map(d -> {
        Map<String, Object> tags = new HashMap<>(4);
        tags.put("id", d[2]);
        tags.put("dot", d[3]);
        if (d[4] != null) {
          tags.put(UTILITY, d[4]);
        }
        return new Mark((Double) d[0], (Double) d[1], tags);
      }).toList();
    }
  }

  /** Accumulates clusters. Not thread-safe; one per tile and layer. */
  static final class Clusters {
    private final Envelope tile;
    private final double unitsPerM;
    private final Map<Integer, Cluster> cells = new LinkedHashMap<>();

    private static final class Cluster {
      double sumX;
      double sumY;
      int count;
      Map<?, ?> first;
      /** Members per owner (works), so a utility's "only own" filter can count its own. */
      final Map<String, Integer> owners = new java.util.TreeMap<>();
    }

    Clusters(Envelope tile3857, double unitsPerM) {
      this.tile = tile3857;
      this.unitsPerM = unitsPerM;
    }

    void add(Geometry g) {
      Envelope e = g.getEnvelopeInternal();
      double ux = ((e.getMinX() + e.getMaxX()) / 2 - tile.getMinX()) * unitsPerM;
      double uy = (tile.getMaxY() - (e.getMinY() + e.getMaxY()) / 2) * unitsPerM;
      int c = cell(ux, uy, CLUSTER_CELL_UNITS);
      if (c < 0) {
        return;
      }
      Cluster k = cells.computeIfAbsent(c, i -> new Cluster());
      k.sumX += ux;
      k.sumY += uy;
      if (k.count++ == 0) {
        k.first = (Map<?, ?>) g.getUserData();
      }
      if (g.getUserData() instanceof Map<?, ?> tags && tags.get("owner") instanceof String owner) {
        k.owners.merge(owner, 1, Integer::sum);
      }
    }

    List<Mark> marks() {
      return cells.values().stream().map(k -> {
        Map<String, Object> tags = new LinkedHashMap<>();
        if (k.count == 1) {
          k.first.forEach((key, v) -> tags.put((String) key, v));
        } else {
          tags.put("cluster", 1);
          k.owners.forEach((owner, n) -> tags.put("owner_" + owner, n));
        }
        tags.put("count", k.count);
        return new Mark(k.sumX / k.count, k.sumY / k.count, tags);
      }).toList();
    }
  }

  /** A point in tile units. */
  static Geometry point(Mark m, GeometryFactory factory) {
    return factory.createPoint(new Coordinate(Math.rint(m.x()), Math.rint(m.y())));
  }
}
