package io.jdock.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's path.Match table (src/path/match_test.go), which docker's reference filter relies on. */
class GlobPatternTest {
  @ParameterizedTest(name = "{0} ~ {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      abc            | abc              | true
      *              | abc              | true
      *c             | abc              | true
      a*             | a                | true
      a*             | abc              | true
      a*             | ab/c             | false
      a*/b           | abc/b            | true
      a*/b           | a/c/b            | false
      a*b*c*d*e*/f   | axbxcxdxe/f      | true
      a*b*c*d*e*/f   | axbxcxdxexxx/f   | true
      a*b*c*d*e*/f   | axbxcxdxe/xxx/f  | false
      a*b*c*d*e*/f   | axbxcxdxexxx/fff | false
      a*b?c*x        | abxbbxdbxebxczzx | true
      a*b?c*x        | abxbbxdbxebxczzy | false
      ab[c]          | abc              | true
      ab[b-d]        | abc              | true
      ab[e-g]        | abc              | false
      ab[^c]         | abc              | false
      ab[^b-d]       | abc              | false
      ab[^e-g]       | abc              | true
      a\\*b          | a*b              | true
      a\\*b          | ab               | false
      a?b            | a☺b              | true
      a[^a]b         | a☺b              | true
      a???b          | a☺b              | false
      a[^a][^a][^a]b | a☺b              | false
      [a-ζ]*         | α                | true
      *[a-ζ]         | A                | false
      a?b            | a/b              | false
      a*b            | a/b              | false
      [\\]a]         | ]                | true
      [\\-]          | -                | true
      [x\\-]         | x                | true
      [x\\-]         | -                | true
      [x\\-]         | z                | false
      [\\-x]         | x                | true
      [\\-x]         | -                | true
      [\\-x]         | a                | false
      *x             | xxx              | true
      ubuntu         | ubuntu           | true
      ub*:2*         | ubuntu:22.04     | true
      */*            | library/ubuntu   | true
      """)
  void matches(String pattern, String name, boolean expected) throws InvalidFilterException {
    assertThat(GlobPattern.matches(pattern, name)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} ~ {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      []a]    | ]
      [-]     | -
      [x-]    | x
      [x-]    | -
      [x-]    | z
      [-x]    | x
      [-x]    | -
      [-x]    | a
      \\      | a
      [a-b-c] | a
      [       | a
      [^      | a
      [^bc    | a
      a[      | a
      a[      | ab
      a[      | x
      a/b[    | x
      """)
  void malformedPatternsAreErrorsEvenWithoutAMatch(String pattern, String name) {
    assertThatThrownBy(() -> GlobPattern.matches(pattern, name))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessage("syntax error in pattern");
    assertThat(GlobPattern.matchesOrFalse(pattern, name)).isFalse();
  }
}
