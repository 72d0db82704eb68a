package org.jointworks.organisations;

import org.jointworks.layers.Vocabulary;

/**
 * An organisation that owns pipelines and works.
 *
 * @param code the stable key that features name as their {@code owner}
 * @param utility the utility it runs, or null for other organisations
 */
public record Organisation(Long id, String code, String name, String utility) {
  public Organisation {
    if (code == null || !code.matches("[a-z0-9_\\-]{2,64}")) {
      throw new IllegalArgumentException(
          "code must be 2 to 64 lower-case letters, digits, '_' or '-'");
    }
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("name is required, at most 200 characters");
    }
    if (utility != null && !Vocabulary.UTILITIES.contains(utility)) {
      throw new IllegalArgumentException("utility must be one of " + Vocabulary.UTILITIES);
    }
  }
}
