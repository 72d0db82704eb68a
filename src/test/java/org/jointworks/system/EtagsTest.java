package org.jointworks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

/** Every versioned endpoint reads If-Match the same way. */
class EtagsTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"\"3\"|3", "W/\"3\"|3", " \"12\" |12", "7|7"})
  void readsStrongWeakAndBareTags(String ifMatch, long version) {
    assertThat(Etags.version(ifMatch)).isEqualTo(version);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"abc\"", "*", "\"\"", "W/"})
  void refusesTagsThatNameNoVersion(String ifMatch) {
    assertThatThrownBy(() -> Etags.version(ifMatch)).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 42, 9_007_199_254_740_993L})
  void theTagWeAnswerIsTheTagWeRead(long version) {
    assertThat(Etags.of(version)).isEqualTo("\"" + version + "\"");
    assertThat(Etags.version(Etags.of(version))).isEqualTo(version);
  }
}
