package org.jointworks.coordination;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jointworks.coordination.engine.ConflictRules;
import org.jointworks.layers.Vocabulary;
import org.jointworks.system.ApiException;

/**
 * The validated parameters of {@code GET /api/works/conflicts}.
 *
 * @param from keep conflicts with a work whose dates meet [from, to]; null for open
 * @param district keep conflicts with a work in this district; null for all
 * @param utility keep conflicts with a work of this utility; null for all
 */
record ConflictQuery(ConflictRules rules, LocalDate from, LocalDate to, String district,
    String utility) {

  ConflictQuery {
    if (from != null && to != null && to.isBefore(from)) {
      throw ApiException.badRequest("'to' (" + to + ") is before 'from' (" + from + ")");
    }
    if (utility != null && !Vocabulary.UTILITIES.contains(utility)) {
      throw ApiException.badRequest("unknown utility '" + utility + "'; one of "
          + Vocabulary.UTILITIES);
    }
  }

  static ConflictQuery parse(CoordinationProperties settings, Double bufferMeters, Integer gapDays,
      String from, String to, String district, String utility) {
    ConflictRules rules;
    try {
      rules = new ConflictRules(bufferMeters == null ? settings.bufferMeters() : bufferMeters,
          gapDays == null ? settings.gapDays() : gapDays, settings.moratoriumYears());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    return new ConflictQuery(rules, date("from", from), date("to", to), blankToNull(district),
        blankToNull(utility));
  }

  static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("'" + name + "' must be a date as YYYY-MM-DD, not '" + value + "'");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
