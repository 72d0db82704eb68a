package org.jointworks.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The CPU time HotSpot's compiler threads have used, read from Linux's {@code /proc} (decision
 * 108). The JVM's own figure ({@code CompilationMXBean}) grows only when a compilation ends, so
 * C2 spending a whole second on one large method (H2's {@code MVMap.operate}, the JDK's ASM
 * {@code Frame.execute} in a compilation log) looked idle to a wait for a quiet JIT; the threads'
 * CPU time moves while they work.
 */
final class CompilerThreads {
  private static final Path TASKS = Path.of("/proc/self/task");
  /** Linux cuts a thread's name to 15 characters: HotSpot's are "C1 CompilerThread0" and so on. */
  private static final String C1 = "C1 CompilerThre";
  private static final String C2 = "C2 CompilerThre";

  private CompilerThreads() {}

  /**
   * Milliseconds of CPU the compiler threads alive now have used, or empty where there is no
   * such view; a thread HotSpot stops when idle takes its share with it, so the sum may fall.
   */
  static OptionalLong cpuMillis() {
    long nanos = 0;
    boolean found = false;
    try (var tasks = Files.list(TASKS)) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        long used = compilerNanos(task);
        if (used >= 0) {
          nanos += used;
          found = true;
        }
      }
    } catch (IOException | SecurityException | UnsupportedOperationException noProc) {
      return OptionalLong.empty();
    }
    return found ? OptionalLong.of(nanos / 1_000_000) : OptionalLong.empty();
  }

  /** The task's CPU nanoseconds if it is a compiler thread, else -1 (also if it just ended). */
  private static long compilerNanos(Path task) {
    try {
      String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
      if (!isCompiler(stat)) {
        return -1;
      }
      // schedstat's first field is nanoseconds on the CPU; stat counts clock ticks (10 ms).
      Path schedstat = task.resolve("schedstat");
      if (Files.isReadable(schedstat)) {
        String[] f = Files.readString(schedstat, StandardCharsets.US_ASCII).trim().split(" ");
        long nanos = Long.parseLong(f[0]);
        if (nanos > 0) {
          return nanos;
        }
      }
      return statTicks(stat) * 10_000_000L;
    } catch (IOException | RuntimeException gone) {
      return -1;
    }
  }

  /** Whether a {@code stat} line ({@code tid (name) state …}) is a compiler thread's. */
  static boolean isCompiler(String stat) {
    int open = stat.indexOf('(');
    int close = stat.lastIndexOf(')');
    if (open < 0 || close < open) {
      return false;
    }
    String name = stat.substring(open + 1, close);
    return name.startsWith(C1) || name.startsWith(C2);
  }

  /**
   * User plus system clock ticks of a {@code stat} line: fields 14 and 15, counted after the
   * name, which may hold spaces and parentheses.
   */
  static long statTicks(String stat) {
    String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // after[0] is field 3 (the state); utime is field 14, stime 15
    return Long.parseLong(after[11]) + Long.parseLong(after[12]);
  }
}
