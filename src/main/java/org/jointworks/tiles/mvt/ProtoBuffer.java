package org.jointworks.tiles.mvt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array with the protobuf wire-format primitives the MVT writer needs (varint,
 * zigzag, fixed32/64, length-delimited bytes). Reused across tiles by {@link MvtWriter}, so a
 * tile costs no buffer allocation once the buffer has grown. Not thread-safe.
 */
final class ProtoBuffer {
  private byte[] bytes;
  private int size;

  ProtoBuffer(int initialCapacity) {
    bytes = new byte[initialCapacity];
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }

  void varint(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    bytes[size++] = (byte) v;
  }

  void varint(int v) {
    ensure(5);
    while ((v & ~0x7F) != 0) {
      bytes[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    bytes[size++] = (byte) v;
  }

  static int varintSize(int v) {
    if ((v & ~0x7F) == 0) {
      return 1;
    }
    if ((v & ~0x3FFF) == 0) {
      return 2;
    }
    if ((v & ~0x1FFFFF) == 0) {
      return 3;
    }
    return (v & ~0xFFFFFFF) == 0 ? 4 : 5;
  }

  static int varintSize(long v) {
    int n = 1;
    while ((v & ~0x7FL) != 0) {
      v >>>= 7;
      n++;
    }
    return n;
  }

  static int zigzag(int v) {
    return (v << 1) ^ (v >> 31);
  }

  static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  void fixed32(int v) {
    ensure(4);
    for (int i = 0; i < 4; i++) {
      bytes[size++] = (byte) (v >>> (8 * i));
    }
  }

  void fixed64(long v) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      bytes[size++] = (byte) (v >>> (8 * i));
    }
  }

  /** Field {@code field} as length-delimited UTF-8. */
  void string(int field, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    varint((field << 3) | 2);
    varint(b.length);
    append(b, 0, b.length);
  }

  void append(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, bytes, size, len);
    size += len;
  }

  void append(ProtoBuffer other) {
    append(other.bytes, 0, other.size);
  }
}
