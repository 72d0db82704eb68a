package org.jointworks.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU seconds taken between two readings, by this JVM's threads grouped by name (the import's
 * readers, its writer, the JIT's compiler threads, the collector's threads) and by every
 * {@code postgres} process of the machine: on a 2-core machine an import is CPU-bound, and this
 * says which part takes the CPU. Linux only ({@code /proc}); elsewhere the figures are empty.
 */
final class CpuUse {
  private final Map<String, Double> threads;
  private final double store;

  private CpuUse(Map<String, Double> threads, double store) {
    this.threads = threads;
    this.store = store;
  }

  static CpuUse now() {
    Map<String, Double> threads = new HashMap<>();
    for (Map.Entry<String, Double> t : ticks(Path.of("/proc/self/task"), null).entrySet()) {
      // Pools number their threads: import-read-1 and import-read-2 are one group.
      threads.merge(t.getKey().replaceAll("[0-9]+$", "#"), t.getValue(), Double::sum);
    }
    double store = ticks(Path.of("/proc"), "postgres").values().stream()
        .mapToDouble(Double::doubleValue).sum();
    return new CpuUse(threads, store);
  }

  /** What was used since {@code before}: the store's seconds and the busiest thread groups. */
  String since(CpuUse before, int groups) {
    double jvm = 0;
    Map<String, Double> used = new HashMap<>();
    for (Map.Entry<String, Double> t : threads.entrySet()) {
      double s = t.getValue() - before.threads.getOrDefault(t.getKey(), 0.0);
      used.put(t.getKey(), s);
      jvm += s;
    }
    String top = used.entrySet().stream()
        .sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(groups)
        .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
        .collect(Collectors.joining(", "));
    return String.format(Locale.ROOT, "CPU s: JVM %.2f (%s; threads that ended are not counted),"
        + " PostgreSQL %.2f", jvm, top, store - before.store);
  }

  /**
   * User + system seconds of each process (or task) under {@code dir}, by its name; only names
   * starting with {@code prefix} when one is given.
   */
  private static Map<String, Double> ticks(Path dir, String prefix) {
    Map<String, Double> out = new HashMap<>();
    try (var entries = Files.list(dir)) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String stat = Files.readString(p.resolve("stat"));
          int close = stat.lastIndexOf(')');
          String name = stat.substring(stat.indexOf('(') + 1, close);
          if (prefix != null && !name.startsWith(prefix)) {
            continue;
          }
          String[] f = stat.substring(close + 2).split(" ");
          // utime and stime, in clock ticks of 1/100 s
          out.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0,
              Double::sum);
        } catch (IOException | RuntimeException gone) {
          // ended meanwhile
        }
      }
    } catch (IOException | RuntimeException noProc) {
      // not Linux
    }
    return out;
  }
}
