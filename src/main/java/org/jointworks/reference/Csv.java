package org.jointworks.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/**
 * Reads the small reference CSV files of {@code gis-data/} (UTF-8, a header row, no quoted
 * commas). Each row is a map from column name to text, empty cells absent.
 */
public final class Csv {
  private Csv() {}

  public static List<Map<String, String>> readResource(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  static List<Map<String, String>> read(InputStream in) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String[] header = r.readLine().replace("\uFEFF", "").split(",", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length && i < cells.length; i++) {
        if (!cells[i].isBlank()) {
          row.put(header[i].trim(), cells[i].trim());
        }
      }
      rows.add(row);
    }
    return rows;
  }
}
