package org.jointworks.limits;

/** Sets a limit for the length of a test, for code that reads {@link Limits#current()} itself. */
public final class LimitsForTests {
  private LimitsForTests() {}

  /** Runs {@code body} with at most {@code vertices} positions a geometry, then restores. */
  public static void withVertices(int vertices, Runnable body) {
    InputLimits was = Limits.current();
    Limits.use(new InputLimits(was.uploadBytes(), was.bodyBytes(), was.parseTime(),
        was.jsonDepth(), was.jsonStringChars(), vertices, was.csvLineChars(), was.zipBytes(),
        was.zipRatio(), was.zipEntries()));
    try {
      body.run();
    } finally {
      Limits.use(was);
    }
  }
}
