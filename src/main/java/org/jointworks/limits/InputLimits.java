package org.jointworks.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings under {@code jointworks.limits.}: the most any single request may cost. Every
 * input is checked against them before the data it describes is allocated, so a hostile body
 * costs at most these bounds and answers a 4xx naming the limit (decision 23). Immutable.
 *
 * @param uploadBytes the largest body of an upload (GeoJSON import, {@code /api/files/…});
 *     413 beyond, checked from Content-Length before reading and counted while reading
 * @param bodyBytes the largest body of any other request (REST and OGC writes, programme,
 *     linkage, works check)
 * @param parseTime the longest one request may spend reading and checking its body
 * @param jsonDepth the deepest nesting of JSON arrays and objects (GeoJSON needs 6)
 * @param jsonStringChars the longest JSON string value
 * @param vertices the most vertices of one geometry
 * @param csvLineChars the longest line of a CSV upload
 * @param zipBytes the most bytes a zip may unpack to, all members together
 * @param zipRatio the most a zip member may grow when unpacked (unpacked / packed bytes)
 * @param zipEntries the most members a zip may hold
 */
@ConfigurationProperties("jointworks.limits")
public record InputLimits(
    @DefaultValue("268435456") long uploadBytes,
    @DefaultValue("33554432") long bodyBytes,
    @DefaultValue("300s") Duration parseTime,
    @DefaultValue("64") int jsonDepth,
    @DefaultValue("1000000") int jsonStringChars,
    @DefaultValue("100000") int vertices,
    @DefaultValue("8388608") int csvLineChars,
    @DefaultValue("536870912") long zipBytes,
    @DefaultValue("100") int zipRatio,
    @DefaultValue("64") int zipEntries) {

  /** The defaults, for code that runs without Spring (tests, benchmarks, the sample generator). */
  public static final InputLimits DEFAULTS = new InputLimits(268435456L, 33554432L,
      Duration.ofSeconds(300), 64, 1_000_000, 100_000, 8_388_608, 536_870_912L, 100, 64);

  public InputLimits {
    // Imports of 200 MB are a requirement of the programme (decision 6).
    if (uploadBytes < 200L * 1024 * 1024) {
      throw new IllegalArgumentException("jointworks.limits.upload-bytes must be at least 200 MB");
    }
    if (bodyBytes < 1024 || parseTime == null || parseTime.isNegative() || parseTime.isZero()
        || jsonDepth < 8 || jsonStringChars < 1024 || vertices < 5 || csvLineChars < 1024
        || zipBytes < 1024 || zipRatio < 2 || zipEntries < 3) {
      throw new IllegalArgumentException("jointworks.limits.*: a limit is below its floor"
          + " (body 1 KiB, JSON depth 8, string 1,024, vertices 5, CSV line 1,024,"
          + " zip 1 KiB / ratio 2 / 3 entries, parse time > 0)");
    }
  }
}
