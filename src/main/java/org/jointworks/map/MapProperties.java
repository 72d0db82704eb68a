package org.jointworks.map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The map page's settings under {@code jointworks.map}.
 *
 * @param basemapUrl a tile URL template such as Tianditu's with its key
 *     ({@code https://t0.tianditu.gov.cn/vec_w/wmts?...&tk=KEY}); empty for none, in which case the
 *     districts and streets of the data draw the background and the page needs no network at all
 * @param basemapAttribution the attribution the basemap's terms require
 * @param centerLon where the map opens
 * @param centerLat where the map opens
 * @param zoom the zoom it opens at
 * @param reportIssuer the office that issues the printable progress report (its heading and
 *     signature block); the sample plan's own issuer by default
 */
@ConfigurationProperties("jointworks.map")
public record MapProperties(
    @DefaultValue("") String basemapUrl,
    @DefaultValue("") String basemapAttribution,
    @DefaultValue("114.05") double centerLon,
    @DefaultValue("35.25") double centerLat,
    @DefaultValue("10") int zoom,
    @DefaultValue("新乡市百城建设提质工程领导小组办公室") String reportIssuer) {

  public MapProperties {
    if (zoom < 1 || zoom > 20) {
      throw new IllegalArgumentException("jointworks.map.zoom must be between 1 and 20");
    }
    if (!basemapUrl.isEmpty() && !basemapUrl.startsWith("https://")
        && !basemapUrl.startsWith("http://")) {
      throw new IllegalArgumentException("jointworks.map.basemap-url must be an http(s) URL");
    }
  }
}
