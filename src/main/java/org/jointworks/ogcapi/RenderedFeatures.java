package org.jointworks.ogcapi;

import java.io.ByteArrayOutputStream;
import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Layer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Each snapshot feature's GeoJSON in CRS84 as the items page writes it, followed by a comma
 * (decision 94; the writer drops the last feature's). Writing the coordinates' doubles was most of
 * an items page's time (JFR, docs/benchmarks.md). A layer snapshot's features are immutable and a
 * new list replaces the snapshot after every write, so the bytes are kept per snapshot, by
 * position, and can never be stale: a page of 100 reads 100 array slots; a new snapshot takes
 * over the bytes of the features it shares with the one before. (A Caffeine cache keyed
 * by each feature's identity was a quarter of an early-answered page's samples: a hash lookup,
 * its bookkeeping and several cache misses per feature; decision 96.) The snapshot list is held
 * weakly (it leaves when the analyses drop it) and the bytes softly (a heap under pressure drops
 * them first); at most {@code jointworks.ogcapi.rendered-features-bytes} (64 MiB) are kept over
 * all layers, features past it are rendered per request. Thread-safe: a slot is rendered at most
 * a few times by racing readers, and any of their equal answers is kept.
 */
@Component
class RenderedFeatures {
  private final Map<Layer, Kept> byLayer = new ConcurrentHashMap<>();
  private final AtomicLong used = new AtomicLong();
  private final long maxBytes;
  private final ObjectMapper json;

  RenderedFeatures(ObjectMapper json,
      @Value("${jointworks.ogcapi.rendered-features-bytes:67108864}") long maxBytes) {
    this.json = json;
    this.maxBytes = maxBytes;
  }

  /** The bytes kept for one snapshot of one layer, by position. */
  private static final class Kept {
    final WeakReference<List<Feature>> snapshot;
    final AtomicLong bytes;
    volatile SoftReference<AtomicReferenceArray<byte[]>> slots;

    Kept(List<Feature> snapshot, AtomicReferenceArray<byte[]> slots, long bytes) {
      this.snapshot = new WeakReference<>(snapshot);
      this.slots = new SoftReference<>(slots);
      this.bytes = new AtomicLong(bytes);
    }
  }

  /**
   * The {@code n} features of {@code kept}'s page, each as a GeoJSON feature in CRS84 with a
   * numeric id, without links, then a comma; added to {@code into}.
   */
  void crs84(ItemsPage.Kept kept, int n, List<byte[]> into) {
    Kept k = kept(kept.layer(), kept.snapshot());
    AtomicReferenceArray<byte[]> slots = k.slots.get();
    for (int i = kept.from(); i < kept.from() + n; i++) {
      byte[] b = slots == null ? null : slots.getAcquire(i);
      if (b == null) {
        b = render(kept.snapshot().get(i));
        if (slots != null && used.addAndGet(b.length) <= maxBytes) {
          if (slots.compareAndSet(i, null, b)) {
            k.bytes.addAndGet(b.length);
          } else {
            used.addAndGet(-b.length);
          }
        } else if (slots != null) {
          used.addAndGet(-b.length);
        }
      }
      into.add(b);
    }
  }

  /** The kept bytes of {@code snapshot}, started when it is new to us. */
  private Kept kept(Layer layer, List<Feature> snapshot) {
    Kept k = byLayer.get(layer);
    if (k != null && k.snapshot.get() == snapshot && k.slots.get() != null) {
      return k;
    }
    synchronized (this) {
      k = byLayer.get(layer);
      if (k != null && k.snapshot.get() == snapshot && k.slots.get() != null) {
        return k;
      }
      AtomicReferenceArray<byte[]> slots = new AtomicReferenceArray<>(snapshot.size());
      long carried = k == null ? 0 : carry(k, snapshot, slots);
      if (k != null) {
        used.addAndGet(-k.bytes.get());
      }
      used.addAndGet(carried);
      Kept fresh = new Kept(snapshot, slots, carried);
      byLayer.put(layer, fresh);
      return fresh;
    }
  }

  /**
   * Moves the bytes of the features the new snapshot shares with the old one (the same objects:
   * a write replaces only the features it wrote) to their new positions; both are in id order.
   * One pass over both, on the first page after a write, instead of rendering the layer again.
   */
  private static long carry(Kept old, List<Feature> now, AtomicReferenceArray<byte[]> slots) {
    List<Feature> before = old.snapshot.get();
    AtomicReferenceArray<byte[]> was = old.slots.get();
    if (before == null || was == null) {
      return 0;
    }
    long carried = 0;
    int i = 0;
    int j = 0;
    while (i < before.size() && j < now.size()) {
      Feature a = before.get(i);
      Feature b = now.get(j);
      if (a.id() < b.id()) {
        i++;
      } else if (a.id() > b.id()) {
        j++;
      } else {
        byte[] bytes = a == b ? was.get(i) : null;
        if (bytes != null) {
          slots.set(j, bytes);
          carried += bytes.length;
        }
        i++;
        j++;
      }
    }
    return carried;
  }

  private byte[] render(Feature f) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator g = json.createGenerator(out)) {
      GeoJsonOut.feature(f, FeatureIds.NUMERIC, OgcCrs.CRS84, null, g);
    }
    out.write(',');
    return out.toByteArray();
  }
}
