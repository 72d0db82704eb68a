package org.jointworks.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jointworks.system.ApiException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The rules a new password must meet (ASVS V2.1), each refused with its own code (422):
 * <ul>
 *   <li>{@code password.too_short}: at least {@code jointworks.accounts.password-min-length}
 *       characters, counted as code points (a Chinese passphrase counts per character);</li>
 *   <li>{@code password.too_long}: at most 128 (bcrypt reads only 72 bytes; longer would give a
 *       false sense of strength and costs hashing time);</li>
 *   <li>{@code password.common}: not in the shipped list {@code accounts/common-passwords.txt},
 *       compared without case and also with trailing digits and punctuation taken off
 *       ({@code Password2024!} is {@code password});</li>
 *   <li>{@code password.contains_username}: does not contain the user name.</li>
 * </ul>
 * No composition rules (upper case, digits…): ASVS 2.1.9 advises against them. Immutable after
 * construction, thread-safe.
 */
@Component
class PasswordPolicy {
  static final int MAX_LENGTH = 128;
  private final int minLength;
  private final Set<String> common;

  PasswordPolicy(AccountProperties settings) {
    this.minLength = settings.passwordMinLength();
    this.common = load();
  }

  void check(String username, String password) {
    if (password == null || password.codePointCount(0, password.length()) < minLength) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "password.too_short",
          "the password needs at least " + minLength + " characters", Map.of("min", minLength));
    }
    if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "password.too_long",
          "the password may have at most " + MAX_LENGTH + " characters",
          Map.of("max", MAX_LENGTH));
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (common.contains(lower) || common.contains(stem(lower))) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "password.common",
          "the password is one of the most common ones; choose another", Map.of());
    }
    if (username != null && !username.isBlank()
        && lower.contains(username.toLowerCase(Locale.ROOT))) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "password.contains_username",
          "the password must not contain the user name", Map.of());
    }
  }

  /** The password without trailing digits and punctuation. */
  static String stem(String lower) {
    int end = lower.length();
    while (end > 0 && !Character.isLetter(lower.charAt(end - 1))) {
      end--;
    }
    return lower.substring(0, end);
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new ClassPathResource("accounts/common-passwords.txt").getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        String w = line.trim();
        if (!w.isEmpty() && !w.startsWith("#")) {
          words.add(w.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the common-password list is part of the build", e);
    }
    return Set.copyOf(words);
  }
}
