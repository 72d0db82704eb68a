package org.jointworks.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.jointworks.limits.InputLimits;
import org.jointworks.limits.Limits;
import org.jointworks.limits.ParseBudget;
import org.jointworks.system.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Unpacks the parts of a zipped Shapefile into a folder of our own, within the zip limits of
 * {@link InputLimits}: at most {@code zip-entries} members, {@code zip-bytes} unpacked in all, and
 * no member growing more than {@code zip-ratio} times its packed size. The ratio is watched while
 * a member is unpacked, against the packed bytes actually consumed, so a zip bomb (400 MB of
 * zeros in a few hundred kilobytes) is refused after about a megabyte, never written out. A
 * size the entry's header declares is checked before a byte is unpacked. Only the parts a
 * Shapefile needs are kept (.shp, .shx, .dbf, .prj, .cpg, the last two at most 64 KiB); entry
 * names never reach the file system. Stateless.
 */
final class ZipParts {
  private static final Set<String> KEPT = Set.of("shp", "shx", "dbf", "prj", "cpg");
  private static final long SMALL_PART = 64 * 1024;
  /** Below this, a member's ratio is not judged: a tiny .cpg may well pack 100:1. */
  private static final long RATIO_FLOOR = 1024 * 1024;

  private ZipParts() {}

  static Map<String, Path> unzip(InputStream zip, Path dir) throws IOException {
    InputLimits limits = Limits.current();
    Packed packed = new Packed(zip);
    Map<String, Path> parts = new LinkedHashMap<>();
    long total = 0;
    int entries = 0;
    try (ZipInputStream in = new ZipInputStream(packed, StandardCharsets.UTF_8)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (++entries > limits.zipEntries()) {
          throw Limits.exceeded("zip_entries", limits.zipEntries(), "the zip holds more than "
              + limits.zipEntries() + " members");
        }
        if (e.getSize() > limits.zipBytes() - total) {
          throw tooBig(limits);
        }
        if (e.isDirectory()) {
          continue;
        }
        String name = e.getName();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (parts.containsKey(ext) && ext.matches("shp|shx|dbf")) {
          throw ApiException.of(HttpStatus.BAD_REQUEST, "file.zip_many",
              "the zip holds more than one Shapefile; send one per zip", Map.of());
        }
        boolean keep = KEPT.contains(ext);
        long cap = ext.equals("prj") || ext.equals("cpg") ? SMALL_PART : Long.MAX_VALUE;
        // Our own file names: an entry's path never reaches the file system.
        Path target = keep ? dir.resolve("layer." + ext) : null;
        try (OutputStream out = keep ? Files.newOutputStream(target) : OutputStream.nullOutputStream()) {
          long start = packed.count;
          long n = 0;
          byte[] buf = new byte[64 * 1024];
          int r;
          while ((r = in.read(buf)) > 0) {
            n += r;
            total += r;
            if (total > limits.zipBytes()) {
              throw tooBig(limits);
            }
            if (n > cap) {
              throw ApiException.of(HttpStatus.BAD_REQUEST, "file.shapefile",
                  "the ." + ext + " is larger than " + SMALL_PART + " bytes", Map.of());
            }
            if (n > RATIO_FLOOR && n > (long) limits.zipRatio() * Math.max(1,
                packed.count - start)) {
              throw Limits.exceeded("zip_ratio", limits.zipRatio(), "a zip member unpacks to"
                  + " more than " + limits.zipRatio() + " times its packed size");
            }
            ParseBudget.check();
            out.write(buf, 0, r);
          }
        }
        if (keep) {
          parts.put(ext, target);
        }
      }
    } catch (ZipException | IllegalArgumentException | java.io.EOFException e) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "file.zip",
          "the upload is not a readable zip", Map.of());
    }
    if (entries == 0) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "file.zip",
          "the upload is not a zip, or an empty one", Map.of());
    }
    return parts;
  }

  private static ApiException tooBig(InputLimits limits) {
    return Limits.exceeded("zip_bytes", limits.zipBytes(), "the zip unpacks to more than "
        + limits.zipBytes() + " bytes");
  }

  /** Counts the packed bytes the unzipper has consumed. */
  private static final class Packed extends FilterInputStream {
    long count;

    Packed(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long k = super.skip(n);
      count += Math.max(0, k);
      return k;
    }
  }
}
