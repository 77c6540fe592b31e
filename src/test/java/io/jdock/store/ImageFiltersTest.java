package io.jdock.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docker's filters.Args: parsing, validation, boolean and label filters. */
class ImageFiltersTest {
  @Test
  void parsesAsDockersClient() {
    ImageFilters f = ImageFilters.parse(List.of(" Label = a=b ", "", "label=c", "label=c"));
    assertThat(f.get("label")).containsExactly("a=b", "c");
    assertThat(f.contains("Label")).isFalse();
    assertThatThrownBy(() -> ImageFilters.parse(List.of("dangling")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad format of filter (expected name=value)");
  }

  @Test
  void validateNamesTheFirstUnknownKey() throws InvalidFilterException {
    ImageFilters f = ImageFilters.parse(List.of("label=x", "color=red", "size=1"));
    assertThatThrownBy(() -> f.validate(Set.of("label")))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessage("invalid filter 'color'");
    f.validate(Set.of("label", "color", "size"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      dangling=true              | true
      dangling=1                 | true
      dangling=false             | false
      dangling=0                 | false
      dangling=true,dangling=1   | true
      """)
  void booleans(String arguments, boolean expected) throws InvalidFilterException {
    ImageFilters f = ImageFilters.parse(List.of(arguments.split(",")));
    assertThat(f.getBoolOrDefault("dangling", !expected)).isEqualTo(expected);
    assertThat(ImageFilters.none().getBoolOrDefault("dangling", expected)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      dangling=TRUE                 | invalid filter 'dangling=[TRUE]'
      dangling=true,dangling=false  | invalid filter 'dangling=[true false]'
      dangling=                     | invalid filter 'dangling=[]'
      """)
  void badBooleans(String arguments, String message) {
    ImageFilters f = ImageFilters.parse(List.of(arguments.split(",")));
    assertThatThrownBy(() -> f.getBoolOrDefault("dangling", false))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessage(message);
  }

  @Test
  void labelsMatchEveryValue() {
    Map<String, String> labels = Map.of("a", "1", "b", "");
    assertThat(ImageFilters.none().matchKeyValues("label", Map.of())).isTrue();
    assertThat(filters("label=a").matchKeyValues("label", labels)).isTrue();
    assertThat(filters("label=a=1", "label=b").matchKeyValues("label", labels)).isTrue();
    assertThat(filters("label=b=").matchKeyValues("label", labels)).isTrue();
    assertThat(filters("label=a=2").matchKeyValues("label", labels)).isFalse();
    assertThat(filters("label=a", "label=c").matchKeyValues("label", labels)).isFalse();
    assertThat(filters("label=a").matchKeyValues("label", Map.of())).isFalse();
  }

  private static ImageFilters filters(String... arguments) {
    return ImageFilters.parse(List.of(arguments));
  }
}
