package org.jointworks.comments;

import java.util.Arrays;
import java.util.Optional;

/**
 * The attachment types accepted, each recognised by its signature ("magic bytes"): PDF
 * ({@code %PDF-}, ISO 32000), PNG (the 8-byte signature of RFC 2083) and JPEG (SOI marker
 * {@code FF D8} followed by a marker {@code FF}). A file is what its bytes say; a declared
 * Content-Type that disagrees is refused. Immutable.
 */
enum FileType {
  PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
  PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
  JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

  private final String mediaType;
  private final String extension;
  private final byte[] magic;

  FileType(String mediaType, String extension, byte[] magic) {
    this.mediaType = mediaType;
    this.extension = extension;
    this.magic = magic;
  }

  String mediaType() {
    return mediaType;
  }

  String extension() {
    return extension;
  }

  /** The type whose signature starts {@code head}, if any. */
  static Optional<FileType> sniff(byte[] head) {
    return Arrays.stream(values()).filter(t -> startsWith(head, t.magic)).findFirst();
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    if (data.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
