package org.jointworks.backup;

/**
 * The embedded store cannot be used at start-up; {@link StoreFailureAnalyzer} turns it into the
 * one message the log shows, with {@link #action()} saying what to do.
 */
public class StoreUnavailableException extends RuntimeException {
  private final String action;

  StoreUnavailableException(String description, String action) {
    super(description);
    this.action = action;
  }

  public String action() {
    return action;
  }
}
