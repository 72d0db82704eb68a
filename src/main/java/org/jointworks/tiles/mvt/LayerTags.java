package org.jointworks.tiles.mvt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The key and value tables of one MVT layer: each distinct key and value is stored once and
 * features refer to them by index. Values are typed as the encoding library typed them (String
 * → string_value, Integer/Long → sint_value, Float, Double, Boolean); other types are not
 * tags. Reused across layers by {@link MvtWriter}; not thread-safe.
 */
final class LayerTags {
  private final Map<String, Integer> keyIndex = new HashMap<>();
  private final List<String> keys = new ArrayList<>();
  private final Map<Object, Integer> valueIndex = new HashMap<>();
  private final List<Object> values = new ArrayList<>();
  private final ProtoBuffer value = new ProtoBuffer(256);

  void clear() {
    keyIndex.clear();
    keys.clear();
    valueIndex.clear();
    values.clear();
  }

  /** Appends the key and value indexes of one tag to {@code tags}, if the value can be a tag. */
  void tag(String key, Object v, ProtoBuffer tags) {
    if (!(v instanceof String || v instanceof Long || v instanceof Integer
        || v instanceof Double || v instanceof Float || v instanceof Boolean)) {
      return;
    }
    Integer k = keyIndex.get(key);
    if (k == null) {
      k = keys.size();
      keyIndex.put(key, k);
      keys.add(key);
    }
    Integer vi = valueIndex.get(v);
    if (vi == null) {
      vi = values.size();
      valueIndex.put(v, vi);
      values.add(v);
    }
    tags.varint(k.intValue());
    tags.varint(vi.intValue());
  }

  /** Writes the layer's keys (field 3) and values (field 4) to {@code layer}. */
  void writeTo(ProtoBuffer layer) {
    for (String k : keys) {
      layer.string(3, k);
    }
    for (Object v : values) {
      value.clear();
      if (v instanceof String s) {
        value.string(1, s);
      } else if (v instanceof Float f) {
        value.varint((2 << 3) | 5);
        value.fixed32(Float.floatToIntBits(f));
      } else if (v instanceof Double d) {
        value.varint((3 << 3) | 1);
        value.fixed64(Double.doubleToLongBits(d));
      } else if (v instanceof Boolean b) {
        value.varint(7 << 3);
        value.varint(b ? 1 : 0);
      } else {
        value.varint(6 << 3);
        value.varint(ProtoBuffer.zigzag(((Number) v).longValue()));
      }
      layer.varint((4 << 3) | 2);
      layer.varint(value.size());
      layer.append(value);
    }
  }
}
