package org.jointworks.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jointworks.system.ApiException;
import org.springframework.http.HttpStatus;

/**
 * A CSV upload in a temporary file, for the map's import: its encoding (the caller's, else UTF-8
 * when the file decodes as UTF-8, else GBK, which is what Excel saves in China) and its geometry
 * columns (the caller's, else a column named {@code wkt}/{@code geometry}, else a lon/lat pair
 * such as {@code lon,lat}, {@code x,y} or {@code 经度,纬度}). Not thread-safe; one per upload;
 * {@link #close} deletes the file.
 *
 * @param encodingSource "parameter", "UTF-8 check" or "fallback"
 */
record CsvUpload(Path file, Charset encoding, String encodingSource, String wkt, String lon,
    String lat) implements AutoCloseable {
  private static final List<String> WKT = List.of("wkt", "geometry", "geom", "the_geom");
  private static final List<String> LON = List.of("lon", "lng", "longitude", "x", "经度");
  private static final List<String> LAT = List.of("lat", "latitude", "y", "纬度");

  static CsvUpload read(InputStream body, String encoding, String wkt, String lon, String lat)
      throws IOException {
    Path tmp = Files.createTempFile("jointworks-upload", ".csv");
    try {
      Files.copy(body, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Charset cs;
      String source;
      if (encoding != null && !encoding.isBlank()) {
        try {
          cs = Charset.forName(encoding);
        } catch (RuntimeException e) {
          throw ApiException.of(HttpStatus.BAD_REQUEST, "upload.encoding",
              "unknown encoding '" + encoding + "'", Map.of("encoding", encoding));
        }
        source = "parameter";
      } else if (decodes(tmp, StandardCharsets.UTF_8)) {
        cs = StandardCharsets.UTF_8;
        source = "UTF-8 check";
      } else {
        cs = Charset.forName("GBK");
        source = "fallback";
      }
      List<String> header = header(tmp, cs);
      if (wkt == null && (lon == null || lat == null)) {
        Optional<String> w = find(header, WKT);
        Optional<String> x = find(header, LON);
        Optional<String> y = find(header, LAT);
        if (w.isPresent()) {
          wkt = w.get();
        } else if (x.isPresent() && y.isPresent()) {
          lon = x.get();
          lat = y.get();
        } else {
          throw ApiException.of(HttpStatus.BAD_REQUEST, "upload.csv_geometry", "the CSV has no"
              + " wkt column and no lon/lat columns; name them: wkt=COLUMN or lon=…&lat=…",
              Map.of("columns", header));
        }
      }
      return new CsvUpload(tmp, cs, source, wkt, lon, lat);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  java.io.Reader reader() throws IOException {
    return new InputStreamReader(Files.newInputStream(file), encoding);
  }

  private static boolean decodes(Path file, Charset cs) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      var decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      // The first megabyte says enough; a cut multi-byte character at its end is not an error.
      byte[] head = in.readNBytes(1 << 20);
      int n = head.length;
      while (n > 0 && n > head.length - 4 && (head[n - 1] & 0xC0) == 0x80) {
        n--;
      }
      if (n > 0 && n < head.length && (head[n - 1] & 0xC0) == 0xC0) {
        n--;
      }
      decoder.decode(ByteBuffer.wrap(head, 0, n));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static List<String> header(Path file, Charset cs) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
        cs))) {
      String line = r.readLine();
      if (line == null) {
        return List.of();
      }
      if (line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      return Arrays.stream(line.split(",", -1)).map(c -> c.trim().replace("\"", "")).toList();
    }
  }

  private static Optional<String> find(List<String> header, List<String> names) {
    return header.stream().filter(h -> names.contains(h.toLowerCase(Locale.ROOT))).findFirst();
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(file);
  }
}
