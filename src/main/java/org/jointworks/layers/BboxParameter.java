package org.jointworks.layers;

import java.util.Map;
import org.jointworks.system.ApiException;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.HttpStatus;

/**
 * The {@code bbox=minLon,minLat,maxLon,maxLat} query parameter of the layer lists, checked: four
 * finite numbers, longitudes within -180..180, latitudes within -90..90, minimum not above
 * maximum. Anything else answers 400 {@code request.bbox} before a query is built.
 */
public final class BboxParameter {
  private BboxParameter() {}

  /** Parses the parameter; a malformed one answers 400 with what is expected. */
  public static Envelope parse(String bbox) {
    String[] parts = bbox.split(",", -1);
    if (parts.length != 4) {
      throw refused("bbox must be minLon,minLat,maxLon,maxLat");
    }
    double[] v = new double[4];
    try {
      for (int i = 0; i < 4; i++) {
        v[i] = Double.parseDouble(parts[i].trim());
      }
    } catch (NumberFormatException e) {
      throw refused("bbox must be four numbers: minLon,minLat,maxLon,maxLat");
    }
    for (int i = 0; i < 4; i++) {
      double limit = i % 2 == 0 ? 180 : 90;
      if (!Double.isFinite(v[i]) || Math.abs(v[i]) > limit) {
        throw refused("bbox longitudes must lie within -180..180 and latitudes within -90..90");
      }
    }
    if (v[0] > v[2] || v[1] > v[3]) {
      throw refused("bbox minimum must not exceed its maximum");
    }
    return new Envelope(v[0], v[2], v[1], v[3]);
  }

  private static ApiException refused(String message) {
    return ApiException.of(HttpStatus.BAD_REQUEST, "request.bbox", message, Map.of());
  }
}
