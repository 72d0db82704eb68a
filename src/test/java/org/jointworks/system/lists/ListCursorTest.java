package org.jointworks.system.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jointworks.system.ApiException;
import org.junit.jupiter.api.Test;

/** The cursor's text round-trips and every kind of wrong cursor is refused with its own code. */
class ListCursorTest {
  @Test
  void roundTripsThroughItsOpaqueText() {
    ListCursor c = new ListCursor(42, ListAnswers.fingerprint("q"), 1000);
    assertThat(c.text()).doesNotContain("|").doesNotContain("42|");
    assertThat(ListCursor.parse(c.text(), ListAnswers.fingerprint("q"), 42)).isEqualTo(c);
  }

  @Test
  void refusesStaleMismatchedAndForeignCursors() {
    String text = new ListCursor(42, ListAnswers.fingerprint("q"), 10).text();
    assertThatThrownBy(() -> ListCursor.parse(text, ListAnswers.fingerprint("q"), 43))
        .isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.code()).isEqualTo("list.cursor_stale"));
    assertThatThrownBy(() -> ListCursor.parse(text, ListAnswers.fingerprint("other"), 42))
        .isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.code()).isEqualTo("list.cursor_mismatch"));
    for (String bad : new String[] {"", "%%", "djF8eHx5fHo", "djJ8MXxhfDE"}) {
      assertThatThrownBy(() -> ListCursor.parse(bad, "a", 1)).as(bad)
          .isInstanceOfSatisfying(ApiException.class,
              e -> assertThat(e.code()).isEqualTo("list.cursor_invalid"));
    }
  }

  @Test
  void aLimitAloneOrACursorAlonePagesAndNothingElseDoes() {
    assertThat(ListRequest.parse(null, null, null, null).paged()).isFalse();
    assertThat(ListRequest.parse("5", null, null, null).limit()).isEqualTo(5);
    assertThat(ListRequest.parse(null, "abc", null, null).limit())
        .isEqualTo(ListRequest.DEFAULT_LIMIT);
    assertThat(ListRequest.parse(null, null, "TRUE", "*/*").summary()).isTrue();
    assertThat(ListRequest.parse(null, null, null, "application/x-ndjson").ndjson()).isTrue();
  }
}
