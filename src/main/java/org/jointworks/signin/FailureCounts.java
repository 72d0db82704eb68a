package org.jointworks.signin;

/**
 * Failed sign-ins per account and per client address, and how long each must wait (the rule is
 * {@link SignInThrottle}'s). Two implementations, chosen by the store in {@link ThrottledSignIn}:
 * {@link SignInThrottle} in this instance's memory (the embedded store, one instance) and
 * {@link SharedSignInThrottle} in PostgreSQL, shared by every instance (decision 71).
 */
interface FailureCounts {

  /** Seconds until this account and address may try again; 0 when neither is throttled. */
  long retryAfterSeconds(String username, String address);

  void failed(String username, String address);

  /** Clears the account's count (never the address's). */
  void succeeded(String username);

  /** The count's key of an account as typed: trimmed, lower case. */
  static String accountKey(String username) {
    return username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
  }

  /** How long a key is throttled after its {@code failures}-th failure; 0 below threshold. */
  static long delayMillis(SignInProperties settings, int failures, int threshold) {
    if (failures < threshold) {
      return 0;
    }
    int doublings = Math.min(30, failures - threshold);
    return Math.min(settings.maxDelay().toMillis(), settings.firstDelay().toMillis() << doublings);
  }
}
