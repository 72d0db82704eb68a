package org.jointworks.sample;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.jointworks.layers.Layer;
import org.locationtech.jts.geom.Geometry;

/**
 * Generates the sample city and writes it as the six GeoJSON files the service imports on start.
 *
 * <pre>
 * ./mvnw -q -o compile
 * java -cp "target/classes:$(./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" \
 *     org.jointworks.sample.SampleCityGenerator --communities 100000 --pipelines 300000 --out /tmp/city100k
 * </pre>
 *
 * <p>or, where Maven can fetch the exec plugin, {@code ./mvnw -q compile exec:java
 * -Dexec.mainClass=org.jointworks.sample.SampleCityGenerator -Dexec.args="..."}. Run from the
 * project root: the default output is relative. See {@code gis-data/README.md}.
 *
 * <p>Options: {@code --out DIR} (default {@code gis-data/sample}), {@code --communities N}
 * (default: the plan's 138), {@code --pipelines M} (default: what the street grid carries),
 * {@code --works K} (default: 0.65 per community), {@code --seed S}. Two doors: this command and
 * {@link #generate(CityOptions, FeatureSink)}, which streams features to any sink; see also
 * {@link SampleCity#generate(CityOptions)}. Stateless.
 */
public final class SampleCityGenerator {
  static final Path DEFAULT_OUT = Path.of("gis-data", "sample");

  private SampleCityGenerator() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** The command without the exit: 0 when the files were written, 2 for bad arguments. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Path dir = DEFAULT_OUT;
    CityOptions options = CityOptions.plan();
    try {
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (name.equals("--help") || name.equals("-h")) {
          usage(out);
          return 0;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        String value = args[++i];
        switch (name) {
          case "--out" -> dir = Path.of(value);
          case "--communities" -> options = options.withCommunities(Integer.parseInt(value));
          case "--pipelines" -> options = options.withPipelines(Long.parseLong(value));
          case "--works" -> options = options.withWorks(Integer.parseInt(value));
          case "--seed" -> options = options.withSeed(Long.parseLong(value));
          default -> throw new IllegalArgumentException("unknown option " + name);
        }
      }
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      usage(err);
      return 2;
    }
    long t0 = System.nanoTime();
    Map<Layer, Long> counts = writeFiles(options, dir);
    double seconds = (System.nanoTime() - t0) / 1e9;
    out.printf(Locale.ROOT, "sample city written to %s in %.1f s:%n", dir.toAbsolutePath(),
        seconds);
    counts.forEach((layer, n) -> out.printf(Locale.ROOT, "  %-12s %,d%n", layer.id(), n));
    return 0;
  }

  private static void usage(PrintStream out) {
    out.println("usage: SampleCityGenerator [--out DIR] [--communities N] [--pipelines M]"
        + " [--works K] [--seed S]");
    out.println("  defaults: --out gis-data/sample, the plan's 138 communities, the pipelines of"
        + " the street grid, 0.65 works per community, seed " + CityOptions.DEFAULT_SEED);
  }

  /**
   * Generates the city and streams every feature to {@code sink}. Memory holds the city's plan
   * (some tens of bytes per community), never the features. Returns the count per layer.
   */
  public static Map<Layer, Long> generate(CityOptions options, FeatureSink sink) {
    CityPlan plan = CityPlan.of(options, DistrictTarget.plan());
    Emission out = new Emission(sink);
    Emission.Quota[] quotas = plan.pipelineQuotas();
    WorkPlanner.Counters counters = new WorkPlanner.Counters();
    long seed = options.seed();
    Map<String, Geometry> outlines = RealCounties.holding(plan.districts);
    for (DistrictPlan d : plan.districts) {
      DistrictEmitter planning = new DistrictEmitter(d, out, seed);
      planning.boundary(outlines.get(d.target.code()));
      planning.streets();
      planning.communitiesAndFacilities();
      PipelineEmitter pipes = new PipelineEmitter(d, out, seed);
      pipes.mains(quotas[0]);
      pipes.services(quotas[1]);
      new WorkPlanner(d, out, seed, counters).plan(plan.works[d.index],
          plan.conflictGroups[d.index], plan.redigs[d.index]);
    }
    return out.counts();
  }

  /** Writes the six {@code <layer>.geojson} files into {@code dir}, replacing them. */
  public static Map<Layer, Long> writeFiles(CityOptions options, Path dir) {
    try (GeoJsonFileSink files = new GeoJsonFileSink(dir)) {
      return generate(options, files);
    }
  }
}
