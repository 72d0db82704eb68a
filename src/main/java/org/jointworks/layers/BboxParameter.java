package org.jointworks.layers;

import org.jointworks.system.ApiException;
import org.locationtech.jts.geom.Envelope;

/** The {@code bbox=minLon,minLat,maxLon,maxLat} query parameter of the layer lists, checked. */
public final class BboxParameter {
  private BboxParameter() {}

  /** Parses the parameter; a malformed one answers 400 with what is expected. */
  public static Envelope parse(String bbox) {
    String[] parts = bbox.split(",");
    if (parts.length != 4) {
      throw ApiException.badRequest("bbox must be minLon,minLat,maxLon,maxLat");
    }
    double[] v = new double[4];
    try {
      for (int i = 0; i < 4; i++) {
        v[i] = Double.parseDouble(parts[i].trim());
      }
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("bbox must be four numbers: minLon,minLat,maxLon,maxLat");
    }
    if (v[0] > v[2] || v[1] > v[3]) {
      throw ApiException.badRequest("bbox minimum must not exceed its maximum");
    }
    return new Envelope(v[0], v[2], v[1], v[3]);
  }
}
