package org.jointworks.limits;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Dates in request bodies are ISO strings ({@code "2023-05-01"}) of four-digit years from 1800,
 * and nothing else. Jackson's own date reader also takes an array ({@code [2023,5,1]}), a number
 * (days since 1970: {@code 20230101} became the year 57358) and an empty array (as null, so a
 * default applied); each of these is a client's mistake and answers 400 {@code request.json}
 * naming the member. Dates later than today but before 10000 pass, so that each workflow's own
 * rule ("not in the future", 422) speaks for them. Stateless.
 */
final class IsoDates extends ValueDeserializer<LocalDate> {
  static final int FIRST_YEAR = 1800;
  static final int LAST_YEAR = 9999;

  static SimpleModule module() {
    return new SimpleModule("jointworks-iso-dates").addDeserializer(LocalDate.class,
        new IsoDates());
  }

  @Override
  public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
    }
    String text = p.getString().trim();
    try {
      LocalDate d = LocalDate.parse(text);
      if (d.getYear() < FIRST_YEAR || d.getYear() > LAST_YEAR) {
        return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text,
            "a date of the years " + FIRST_YEAR + " to " + LAST_YEAR);
      }
      return d;
    } catch (DateTimeParseException e) {
      return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text,
          "a date as YYYY-MM-DD");
    }
  }
}
