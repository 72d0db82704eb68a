package org.jointworks.ogcapi;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jointworks.geo.Crs;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The coordinate reference systems the OGC API offers (Part 2), by their OGC URIs, with the axis
 * order each URI carries. CRS84 is lon/lat; the EPSG URIs follow the EPSG database's axis order:
 * EPSG:4490 is latitude, longitude and EPSG:4547 northing, easting, while EPSG:3857 is easting,
 * northing. {@link Crs} always works x = easting/longitude, so coordinates of a swapped CRS are
 * swapped here, on the way out and on the way in (bbox), and nowhere else. Immutable.
 *
 * @param epsg the code {@link Crs} transforms to (CRS84 is served from the CGCS2000 storage as is:
 *     the two datums agree to centimetres)
 * @param swapped whether the URI's first axis is northing/latitude
 */
public record OgcCrs(String uri, int epsg, boolean swapped) {
  public static final OgcCrs CRS84 =
      new OgcCrs("http://www.opengis.net/def/crs/OGC/1.3/CRS84", Crs.LONLAT, false);
  public static final OgcCrs EPSG_4490 =
      new OgcCrs("http://www.opengis.net/def/crs/EPSG/0/4490", Crs.LONLAT, true);
  public static final OgcCrs EPSG_4547 =
      new OgcCrs("http://www.opengis.net/def/crs/EPSG/0/4547", Crs.GK_114E, true);
  public static final OgcCrs EPSG_3857 =
      new OgcCrs("http://www.opengis.net/def/crs/EPSG/0/3857", Crs.WEB_MERCATOR, false);
  public static final List<OgcCrs> ALL = List.of(CRS84, EPSG_4490, EPSG_4547, EPSG_3857);
  /** Where the features are stored: CGCS2000 geographic. */
  public static final OgcCrs STORAGE = EPSG_4490;

  /** The CRS named by a URI (also the {@code [EPSG:4490]}-style safe CURIE), if offered. */
  public static Optional<OgcCrs> byUri(String uri) {
    String u = uri.trim();
    if (u.startsWith("[") && u.endsWith("]")) {
      String curie = u.substring(1, u.length() - 1);
      u = curie.equals("OGC:CRS84") ? CRS84.uri
          : curie.startsWith("EPSG:") ? "http://www.opengis.net/def/crs/EPSG/0/" + curie.substring(5)
          : u;
    }
    String wanted = u.startsWith("https://") ? "http://" + u.substring(8) : u;
    return ALL.stream().filter(c -> c.uri.equals(wanted)).findFirst();
  }

  /** A copy of a storage (EPSG:4490 lon/lat) geometry in this CRS and its axis order. */
  public Geometry fromStorage(Geometry g4490) {
    if (g4490 == null) {
      return null;
    }
    if (epsg == Crs.LONLAT && !swapped) {
      return g4490; // CRS84 is the stored coordinates as they are: no copy on the hot path
    }
    Geometry out = Crs.transform(g4490, Crs.LONLAT, epsg);
    if (swapped) {
      out.apply(SWAP);
      out.geometryChanged();
    }
    return out;
  }

  /** A copy of a geometry given in this CRS and axis order, in storage lon/lat (EPSG:4490). */
  public Geometry toStorage(Geometry g) {
    if (g == null) {
      return null;
    }
    Geometry xy = g.copy();
    if (swapped) {
      xy.apply(SWAP);
      xy.geometryChanged();
    }
    return Crs.transform(xy, epsg, Crs.LONLAT);
  }

  /**
   * The lon/lat envelope of a bbox given in this CRS and axis order, {minA, minB, maxA, maxB};
   * the edges are densified so a projected box maps to a lon/lat box that covers it.
   */
  public Envelope toStorage(double[] bbox) {
    double minX = swapped ? bbox[1] : bbox[0];
    double minY = swapped ? bbox[0] : bbox[1];
    double maxX = swapped ? bbox[3] : bbox[2];
    double maxY = swapped ? bbox[2] : bbox[3];
    if (epsg == Crs.LONLAT) {
      return new Envelope(minX, maxX, minY, maxY);
    }
    Envelope out = new Envelope();
    int steps = 8;
    for (int i = 0; i <= steps; i++) {
      double x = minX + (maxX - minX) * i / steps;
      double y = minY + (maxY - minY) * i / steps;
      for (double[] p : new double[][] {{x, minY}, {x, maxY}, {minX, y}, {maxX, y}}) {
        double[] ll = Crs.transform(epsg, Crs.LONLAT, p[0], p[1]);
        out.expandToInclude(ll[0], ll[1]);
      }
    }
    return out;
  }

  /** The offered CRS URIs, CRS84 first (the default). */
  public static List<String> uris() {
    return ALL.stream().map(OgcCrs::uri).toList();
  }

  @Override
  public String toString() {
    return uri + (swapped ? " (axes swapped)" : "") + " " + Arrays.toString(new int[] {epsg});
  }

  private static final CoordinateSequenceFilter SWAP = new CoordinateSequenceFilter() {
    @Override
    public void filter(CoordinateSequence seq, int i) {
      double x = seq.getX(i);
      seq.setOrdinate(i, 0, seq.getY(i));
      seq.setOrdinate(i, 1, x);
    }

    @Override
    public boolean isDone() {
      return false;
    }

    @Override
    public boolean isGeometryChanged() {
      return true;
    }
  };
}
