package org.jointworks.sample;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureWriter;
import org.jointworks.layers.Layer;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.util.MinimalPrettyPrinter;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams each layer to {@code <dir>/<layer>.geojson} as a FeatureCollection through
 * {@link FeatureWriter}, one feature per line so that a diff of two versions reads feature by
 * feature. Numbers are written with Jackson's Schubfach writer, whose shortest-digit output does
 * not depend on the JDK's {@code Double.toString} (which changed in JDK 19), so the files are
 * byte-identical wherever they are generated. Not thread-safe; close it to finish the files.
 */
final class GeoJsonFileSink implements FeatureSink, AutoCloseable {
  private static final ObjectWriter WRITER = JsonMapper.builder()
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build()
      .writer().with(new FeaturePerLine());

  private final Map<Layer, JsonGenerator> files = new EnumMap<>(Layer.class);

  GeoJsonFileSink(Path dir) {
    try {
      Files.createDirectories(dir);
      for (Layer layer : Layer.values()) {
        OutputStream out = new BufferedOutputStream(
            Files.newOutputStream(dir.resolve(layer.id() + ".geojson")), 1 << 20);
        JsonGenerator g = WRITER.createGenerator(out, JsonEncoding.UTF8);
        files.put(layer, g);
        FeatureWriter.open(g);
      }
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("cannot write to " + dir, e);
    }
  }

  @Override
  public void accept(Layer layer, Feature feature) {
    FeatureWriter.write(feature, files.get(layer));
  }

  @Override
  public void close() {
    RuntimeException first = null;
    for (JsonGenerator g : files.values()) {
      try {
        FeatureWriter.close(g);
        g.writeRaw('\n');
        g.close();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    files.clear();
    if (first != null) {
      throw first;
    }
  }

  /** Compact JSON, but each member of the top-level features array on a line of its own. */
  private static final class FeaturePerLine extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;

    /** The features array is the one array whose parent is the root FeatureCollection object. */
    private static boolean inFeatures(JsonGenerator g) {
      var ctx = g.streamWriteContext();
      return ctx.inArray() && ctx.getParent() != null && ctx.getParent().getParent() != null
          && ctx.getParent().getParent().inRoot();
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) {
      if (inFeatures(g)) {
        g.writeRaw('\n');
      }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) {
      g.writeRaw(inFeatures(g) ? ",\n" : ",");
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) {
      if (inFeatures(g)) {
        g.writeRaw('\n');
      }
      super.writeEndArray(g, values);
    }
  }
}
