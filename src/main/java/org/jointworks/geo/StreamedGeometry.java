package org.jointworks.geo;

import java.util.Arrays;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jointworks.limits.Limits;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A GeoJSON geometry object read from a stream with its {@code coordinates} kept as flat arrays
 * of numbers and of array marks instead of a tree of nodes (decision 105): an import's parse
 * thread then allocates a few arrays a feature instead of three objects a position, and its
 * reading threads build the JTS geometry from them.
 *
 * <p>{@link #toGeometry} answers exactly as {@link GeoJsonGeometry#read} answers for the same
 * object's tree: the common case (a Point to a MultiPolygon whose positions are numbers and whose
 * rings are closed) is built here; anything else — a GeometryCollection, a string or a null among
 * the coordinates, an unclosed ring, too many vertices — is turned back into the tree and read
 * by {@link GeoJsonGeometry}, so every message and limit stays one piece of code's. Immutable once
 * read; a reader's results may be used on other threads.
 */
public final class StreamedGeometry {
  /** Marks in {@link #shape}: an array opens, an array closes; a value {@code >= 0} is a number. */
  private static final int OPEN = -1;
  private static final int CLOSE = -2;
  /** A mark {@code <= OTHER} stands for {@code others[OTHER - mark]}: a string, null, object. */
  private static final int OTHER = -3;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /**
   * The holes of a polygon without any, shared (decision 116): JTS keeps the array it is given,
   * never writes into an empty one, and a new one a polygon was a live object more for every
   * imported community, copied by each young pause of the import.
   */
  private static final LinearRing[] NO_HOLES = new LinearRing[0];

  /** Every member but a {@code coordinates} array, as the tree would have it. */
  private final ObjectNode members;
  /** The coordinates array as marks and number indexes; null when there is no such array. */
  private final int[] shape;
  private final double[] numbers;
  private final JsonNode[] others;
  /** The positions of the coordinates array, counted as {@link GeoJsonGeometry} counts them. */
  private final long positions;
  /** False when the array passed the vertex limit and was only counted from there on. */
  private final boolean complete;

  /** What a coordinates array was read as: its marks, numbers, other values and positions. */
  private record Coordinates(int[] shape, double[] numbers, JsonNode[] others, long positions) {}

  private StreamedGeometry(ObjectNode members, Coordinates coordinates, int limit) {
    this.members = members;
    this.shape = coordinates == null ? null : coordinates.shape();
    this.numbers = coordinates == null ? null : coordinates.numbers();
    this.others = coordinates == null ? null : coordinates.others();
    this.positions = coordinates == null ? 0 : coordinates.positions();
    this.complete = positions <= limit;
  }

  /**
   * Reads the geometry objects of one body, reusing its buffers between them. Not thread-safe:
   * one per parse.
   */
  public static final class Reader {
    /** Positions past which an array is counted but no longer kept: it will be refused. */
    private final int limit = Limits.current().vertices();
    private int[] shape = new int[256];
    private double[] numbers = new double[128];
    private JsonNode[] others = new JsonNode[4];
    private int marks;
    private int count;
    private int otherCount;
    /** For each open array, by depth: whether its members' positions are counted (not it). */
    private boolean[] countsMembers = new boolean[8];
    /** Made once: a method reference made per geometry would be an allocation per geometry. */
    private final Function<JsonParser, Coordinates> coordinates = this::readArray;

    /** Reads the object at the parser's current {@code START_OBJECT}, up to its end. */
    public StreamedGeometry read(JsonParser p) {
      ObjectNode members = NODES.objectNode();
      return new StreamedGeometry(members,
          JsonMembers.read(p, members, "coordinates", JsonToken.START_ARRAY, coordinates), limit);
    }

    /**
     * Reads the array at the parser's current {@code START_ARRAY}, nested arrays and all,
     * counting its positions as {@link GeoJsonGeometry} does: an array within four levels whose
     * parent's members count counts one when it is empty or its first member is not an array,
     * else its members count. Once past the vertex limit nothing more is kept (the geometry
     * will be refused with the whole count), so a hostile array costs no memory.
     */
    private Coordinates readArray(JsonParser p) {
      marks = 0;
      count = 0;
      otherCount = 0;
      long positions = 0;
      mark(OPEN);
      int deciding = 0; // the depth of an array whose first member decides how it counts
      for (int depth = 1; depth > 0; ) {
        JsonToken t = p.nextToken();
        if (t == null) {
          throw new StreamReadException(p, "the body ends inside 'coordinates'");
        }
        if (deciding >= 0) {
          countsMembers[deciding] = t == JsonToken.START_ARRAY;
          positions += t == JsonToken.START_ARRAY ? 0 : 1;
          deciding = -1;
        }
        boolean keep = positions <= limit;
        switch (t) {
          case START_ARRAY -> {
            if (depth == countsMembers.length) {
              countsMembers = Arrays.copyOf(countsMembers, depth * 2);
            }
            countsMembers[depth] = false;
            if (depth <= 4 && countsMembers[depth - 1]) {
              deciding = depth;
            }
            depth++;
            mark(keep, OPEN);
          }
          case END_ARRAY -> {
            depth--;
            mark(keep, CLOSE);
          }
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
            if (keep) {
              if (count == numbers.length) {
                numbers = Arrays.copyOf(numbers, count * 2);
              }
              numbers[count] = DecimalText.value(p);
              mark(count++);
            }
          }
          default -> {
            if (!keep) {
              p.skipChildren();
            } else {
              if (otherCount == others.length) {
                others = Arrays.copyOf(others, otherCount * 2);
              }
              others[otherCount] = p.readValueAsTree();
              mark(OTHER - otherCount++);
            }
          }
        }
      }
      Coordinates read = new Coordinates(Arrays.copyOf(shape, marks),
          Arrays.copyOf(numbers, count), Arrays.copyOf(others, otherCount), positions);
      Arrays.fill(others, 0, otherCount, null);
      return read;
    }

    private void mark(boolean keep, int m) {
      if (keep) {
        mark(m);
      }
    }

    private void mark(int m) {
      if (marks == shape.length) {
        shape = Arrays.copyOf(shape, marks * 2);
      }
      shape[marks++] = m;
    }
  }

  /**
   * The geometry, as {@code GeoJsonGeometry.read(toTree(), f)} gives it: the same geometry, or
   * the same {@link IllegalArgumentException} or limit refusal.
   */
  public Geometry toGeometry(GeometryFactory f) {
    Geometry g = built(f);
    return g != null ? g : GeoJsonGeometry.read(toTree(), f);
  }

  /**
   * The geometry built from the flat arrays, or null where the tree's reader must answer; first,
   * as that reader does, refuses a geometry over the vertex limit.
   */
  Geometry built(GeometryFactory f) {
    if (shape == null) {
      return null;
    }
    long total = positions;
    JsonNode parts = members.get("geometries");
    if (parts != null && parts.isArray()) {
      for (JsonNode m : parts) {
        total += GeoJsonGeometry.positionsIn(m, 1);
      }
    }
    VertexLimit.check(total);
    if (!complete) {
      throw new IllegalStateException("a geometry of " + total + " positions was cut short");
    }
    return others.length == 0 && parts == null ? new Builder(f).build(type()) : null;
  }

  private String type() {
    JsonNode type = members.get("type");
    return type != null && type.isString() ? type.asString() : "";
  }

  /** The object as Jackson's tree has it, numbers as doubles (all the geometry reads of them). */
  public JsonNode toTree() {
    ObjectNode tree = members.deepCopy();
    if (shape == null) {
      return tree;
    }
    ArrayNode[] open = new ArrayNode[8];
    int depth = 0;
    ArrayNode root = null;
    for (int m : shape) {
      if (m == OPEN) {
        ArrayNode a = NODES.arrayNode();
        if (depth == 0) {
          root = a;
        } else {
          open[depth - 1].add(a);
        }
        if (depth == open.length) {
          open = Arrays.copyOf(open, depth * 2);
        }
        open[depth++] = a;
      } else if (m == CLOSE) {
        depth--;
      } else {
        open[depth - 1].add(m >= 0 ? NODES.numberNode(numbers[m]) : others[OTHER - m]);
      }
    }
    return tree.set("coordinates", root);
  }

  /**
   * Builds the common case from {@link #shape}, or answers null where the tree's reader must
   * decide (an empty part, a short or open ring, a position of fewer than two finite numbers).
   */
  private final class Builder {
    private final GeometryFactory f;
    private int at;
    /** The position {@link #read} last read. */
    private double x;
    private double y;

    Builder(GeometryFactory f) {
      this.f = f;
    }

    Geometry build(String type) {
      Geometry g = switch (type) {
        case "Point" -> {
          Coordinate c = position();
          yield c == null ? null : f.createPoint(c);
        }
        case "MultiPoint" -> {
          Coordinate[] pts = positions(1);
          yield pts == null ? null : f.createMultiPointFromCoords(pts);
        }
        case "LineString" -> line();
        case "MultiLineString" -> {
          LineString[] lines = each(new LineString[parts()], this::line);
          yield lines == null ? null : f.createMultiLineString(lines);
        }
        case "Polygon" -> polygon();
        case "MultiPolygon" -> {
          Polygon[] polys = each(new Polygon[parts()], this::polygon);
          yield polys == null ? null : f.createMultiPolygon(polys);
        }
        default -> null;
      };
      return g != null && at == shape.length ? g : null;
    }

    private LineString line() {
      Coordinate[] pts = positions(2);
      return pts == null ? null : f.createLineString(pts);
    }

    private Polygon polygon() {
      LinearRing[] rings = each(new LinearRing[parts()], this::ring);
      return rings == null ? null
          : f.createPolygon(rings[0],
              rings.length == 1 ? NO_HOLES : Arrays.copyOfRange(rings, 1, rings.length));
    }

    /**
     * A ring of four positions or more that ends where it starts, or null; packed (decision
     * 115): a polygon's ring is where an import's vertices are, and it lives on in the snapshot.
     */
    private LinearRing ring() {
      int n = parts();
      if (n < 4) {
        return null;
      }
      double[] xy = new double[2 * n];
      for (int i = 0; i < n && at > 0; i++) {
        at = read() ? at : -1;
        xy[2 * i] = x;
        xy[2 * i + 1] = y;
      }
      return !close() || xy[0] != xy[2 * n - 2] || xy[1] != xy[2 * n - 1] ? null
          : f.createLinearRing(new PackedXY(xy));
    }

    /**
     * Fills {@code parts} (sized by {@link #parts}) with what {@code part} reads, then closes the
     * array; null, with {@link #at} at -1, as soon as one part is not of the shape.
     */
    private <T> T[] each(T[] parts, Supplier<T> part) {
      for (int i = 0; i < parts.length && at > 0; i++) {
        parts[i] = part.get();
        at = parts[i] == null ? -1 : at;
      }
      return close() ? parts : null;
    }

    /**
     * Opens an array of arrays and answers how many it holds (at least one), or 0 with
     * {@link #at} set to -1 when it is not one.
     */
    private int parts() {
      if (at < 0 || at >= shape.length || shape[at] != OPEN) {
        at = -1;
        return 0;
      }
      int n = 0;
      int depth = 0;
      for (int i = at + 1; i < shape.length && depth >= 0; i++) {
        if (shape[i] == OPEN) {
          n += depth++ == 0 ? 1 : 0;
        } else if (shape[i] == CLOSE) {
          depth--;
        } else if (depth == 0) {
          n = 0; // a number beside the parts: not this shape
          break;
        }
      }
      at = n == 0 ? -1 : at + 1;
      return n;
    }

    /** Closes the array {@link #parts} opened, when every part was read. */
    private boolean close() {
      if (at < 0 || at >= shape.length || shape[at] != CLOSE) {
        return false;
      }
      at++;
      return true;
    }

    /** An array of at least {@code min} positions, or null. */
    private Coordinate[] positions(int min) {
      int n = parts();
      if (n < min) {
        return null;
      }
      return each(new Coordinate[n], this::position);
    }

    /** A position: two or more numbers, the first two finite; null otherwise. */
    private Coordinate position() {
      return read() ? new Coordinate(x, y) : null;
    }

    /**
     * Reads a position into {@link #x} and {@link #y}: two or more numbers, the first two
     * finite; false otherwise, with {@link #at} where it was.
     */
    private boolean read() {
      if (at < 0 || at + 3 > shape.length || shape[at] != OPEN || shape[at + 1] < 0
          || shape[at + 2] < 0) {
        return false;
      }
      int end = at + 3;
      while (end < shape.length && shape[end] >= 0) {
        end++;
      }
      x = numbers[shape[at + 1]];
      y = numbers[shape[at + 2]];
      if (end == shape.length || shape[end] != CLOSE || !Double.isFinite(x)
          || !Double.isFinite(y)) {
        return false;
      }
      at = end + 1;
      return true;
    }
  }
}
