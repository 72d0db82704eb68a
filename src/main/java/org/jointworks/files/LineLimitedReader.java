package org.jointworks.files;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import org.jointworks.limits.Limits;
import org.jointworks.limits.ParseBudget;

/**
 * A reader that refuses a line longer than {@code jointworks.limits.csv-line-chars} the moment
 * it passes the limit, and checks the request's parse budget as it goes. H2's CSV tool gathers
 * a whole line before it parses it; a 201 MB single-line file once held a worker for minutes and
 * then failed with a 500. Not thread-safe; one per upload.
 */
final class LineLimitedReader extends FilterReader {
  private final int limit;
  private long line;
  private long sinceCheck;

  LineLimitedReader(Reader in) {
    super(in);
    this.limit = Limits.current().csvLineChars();
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      see((char) c);
    }
    return c;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    for (int i = 0; i < n; i++) {
      see(buf[off + i]);
    }
    sinceCheck += Math.max(n, 0);
    if (sinceCheck > 65_536) {
      sinceCheck = 0;
      ParseBudget.check();
    }
    return n;
  }

  private void see(char c) {
    if (c == '\n' || c == '\r') {
      line = 0;
    } else if (++line > limit) {
      throw Limits.exceeded("csv_line", limit, "a line of the CSV is longer than " + limit
          + " characters");
    }
  }
}
