package org.jointworks.linkage.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups neighbours into candidate joint areas: the connected components of the adjacency graph,
 * split where a component has more than {@code maxMembers} along its weakest links.
 *
 * <p>It is Kruskal's algorithm on the links from strongest to weakest (longest frontage first,
 * then smallest gap, then ids, so the answer is deterministic), refusing a merge that would make
 * a group larger than {@code maxMembers}. Without a cap every component comes out whole; with
 * one, the links left out are the weakest that had to go, and each group stays connected by its
 * strongest links. Groups smaller than {@code minMembers} are dropped.
 *
 * <p>Stateless and thread-safe.
 */
public final class Grouping {
  private Grouping() {}

  /**
   * @param members the ids to group (pairs naming other ids are ignored)
   * @param maxMembers the largest group, or 0 for no limit
   * @return groups of ids, each sorted; largest group first, then by smallest id
   */
  public static List<List<Long>> groups(Collection<Long> members, List<AdjacentPair> pairs,
      int minMembers, int maxMembers) {
    if (minMembers < 1 || maxMembers < 0 || (maxMembers > 0 && maxMembers < minMembers)) {
      throw new IllegalArgumentException("need 1 <= minMembers <= maxMembers (0 = no limit)");
    }
    Map<Long, Integer> position = new HashMap<>();
    List<Long> ids = new ArrayList<>(members);
    ids.sort(null);
    for (int i = 0; i < ids.size(); i++) {
      position.put(ids.get(i), i);
    }
    int[] parent = new int[ids.size()];
    int[] size = new int[ids.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
      size[i] = 1;
    }
    List<AdjacentPair> links = new ArrayList<>(pairs);
    links.sort(Comparator.comparingDouble(AdjacentPair::frontageMeters).reversed()
        .thenComparingDouble(AdjacentPair::gapMeters)
        .thenComparingLong(AdjacentPair::a).thenComparingLong(AdjacentPair::b));
    for (AdjacentPair link : links) {
      Integer a = position.get(link.a());
      Integer b = position.get(link.b());
      if (a == null || b == null) {
        continue;
      }
      int ra = root(parent, a);
      int rb = root(parent, b);
      if (ra == rb || (maxMembers > 0 && size[ra] + size[rb] > maxMembers)) {
        continue;
      }
      if (size[ra] < size[rb]) {
        int t = ra;
        ra = rb;
        rb = t;
      }
      parent[rb] = ra;
      size[ra] += size[rb];
    }
    Map<Integer, List<Long>> byRoot = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      byRoot.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(ids.get(i));
    }
    List<List<Long>> out = new ArrayList<>();
    for (List<Long> g : byRoot.values()) {
      if (g.size() >= minMembers) {
        out.add(List.copyOf(g));
      }
    }
    out.sort(Comparator.<List<Long>>comparingInt(List::size).reversed()
        .thenComparingLong(g -> g.get(0)));
    return out;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
