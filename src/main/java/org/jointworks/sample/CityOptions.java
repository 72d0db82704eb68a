package org.jointworks.sample;

/**
 * What to generate. {@link #AUTO} in a count means "what the plan gives": the table's 138
 * communities, the pipelines the street grid carries, about 0.65 works per community.
 *
 * @param communities communities in the whole city, or AUTO for the plan's table; only then (or
 *     with the table's own total) do households, buildings and floor area match the table
 * @param pipelines pipeline features wanted (mains are split or thinned to reach it within one),
 *     or AUTO for one main per street segment and utility plus the service lines
 * @param works planned works, or AUTO
 * @param seed the random seed; the same options always give the same city, byte for byte
 */
public record CityOptions(int communities, long pipelines, int works, long seed) {
  public static final int AUTO = -1;
  /** 2023-02-25, the day the counties' implementation plans were due. */
  public static final long DEFAULT_SEED = 20230225L;
  /** Works per community when not given: enough for conflicts, few enough to stay readable. */
  static final double WORKS_PER_COMMUNITY = 0.65;

  public CityOptions {
    if (communities != AUTO && communities < 1) {
      throw new IllegalArgumentException("communities must be at least 1, got " + communities);
    }
    if (pipelines != AUTO && pipelines < 0) {
      throw new IllegalArgumentException("pipelines must not be negative, got " + pipelines);
    }
    if (works != AUTO && works < 0) {
      throw new IllegalArgumentException("works must not be negative, got " + works);
    }
  }

  /** The plan's city: 138 communities, default seed. */
  public static CityOptions plan() {
    return new CityOptions(AUTO, AUTO, AUTO, DEFAULT_SEED);
  }

  /** A benchmark city of {@code communities} communities and about {@code pipelines} pipelines. */
  public static CityOptions scaled(int communities, long pipelines) {
    return new CityOptions(communities, pipelines, AUTO, DEFAULT_SEED);
  }

  public CityOptions withCommunities(int n) {
    return new CityOptions(n, pipelines, works, seed);
  }

  public CityOptions withPipelines(long n) {
    return new CityOptions(communities, n, works, seed);
  }

  public CityOptions withWorks(int n) {
    return new CityOptions(communities, pipelines, n, seed);
  }

  public CityOptions withSeed(long s) {
    return new CityOptions(communities, pipelines, works, s);
  }
}
