package io.jdock.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code fmt.Sprintf} cases whose expected output is Go's. */
class GoPrintfTest {
  static Stream<Arguments> cases() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("b", 1);
    map.put("a", "x");
    return Stream.of(
        Arguments.of("%d|%5d|%-5d|%05d", List.of(42, 42, 42, 42), "42|   42|42   |00042"),
        Arguments.of(
            "%+d|% d|%x|%X|%o|%O|%b|%#x|%#o|%#b",
            List.of(5, 5, 255, 255, 8, 8, 5, 255, 8, 5), "+5| 5|ff|FF|10|0o10|101|0xff|010|0b101"),
        Arguments.of("%x|%d|%06.2f", List.of(-255, -3L, -1.5), "-ff|-3|-01.50"),
        Arguments.of("%.3d|%.0d|", List.of(7, 0), "007||"),
        Arguments.of("%c %q %U %#U", List.of(65, 65, 9731, 9731), "A 'A' U+2603 U+2603 '☃'"),
        Arguments.of(
            "%s|%.2s|%q|%x|% X|%#x",
            List.of("héllo", "héllo", "a\"b", "hi", "hi", "hi"),
            "héllo|hé|\"a\\\"b\"|6869|68 69|0x6869"),
        Arguments.of(
            "%v %.2f %e %g %G",
            List.of(1.5, 3.14159, 1234.5678, 1e21, 1e-7), "1.5 3.14 1.234568e+03 1e+21 1E-07"),
        Arguments.of("%6.2f|%-8.3e|%+.1f", List.of(-1.0, 1.0, 2.25), " -1.00|1.000e+00|+2.2"),
        Arguments.of("%t %v %5t|", List.of(true, false, true), "true false  true|"),
        Arguments.of(
            "%v %d %q", List.of(List.of(1, 2), List.of(1, 2), List.of("a")), "[1 2] [1 2] [\"a\"]"),
        Arguments.of("%v|%s", List.of(map, map), "map[a:x b:1]|map[a:x b:%!s(int=1)]"),
        Arguments.of("%*d|%-*d|%.*f", List.of(4, 1, 4, 1, 1, 2.25), "   1|1   |2.2"),
        Arguments.of("%T %T %T %T", Arrays.asList(1, 1L, 1.5, null), "int int64 float64 <nil>"),
        Arguments.of("%d|%t", List.of("x", 1), "%!d(string=x)|%!t(int=1)"),
        Arguments.of("%s %s", List.of("a"), "a %!s(MISSING)"),
        Arguments.of("%s", List.of("a", 1, "b"), "a%!(EXTRA int=1, string=b)"),
        Arguments.of("100%%|%", List.of(), "100%|%!(NOVERB)"),
        Arguments.of("%*d", List.of("x", 1), "%!(BADWIDTH)1"),
        Arguments.of("%v %d", Arrays.asList(null, null), "<nil> %!d(<nil>)"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void formatsLikeGo(String format, List<Object> args, String expected) {
    assertThat(GoPrintf.sprintf(format, args)).isEqualTo(expected);
  }
}
