package io.jdock.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected outputs were produced by docker 28.2.2's own template engine (docker context inspect -f
 * on a map decoded from JSON, so its numbers are float64 as here).
 */
class GoTemplateTest {
  static Map<String, Object> data() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("b", 1.0);
    nested.put("a", "x<y&z>");
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("RepoTags", List.of("a:1", "b:2"));
    d.put("Empty", List.of());
    d.put("EmptyMap", Map.of());
    d.put("Num", 123.0);
    d.put("F", 1.5);
    d.put("Big", 123456789.0);
    d.put("Small", 1e-7);
    d.put("Neg", -2.25);
    d.put("Nested", nested);
    d.put("Nil", null);
    d.put("T", true);
    d.put("False", false);
    d.put("S", "Hello World foo-bar_baz");
    d.put("U", "héllo wörld ☃");
    d.put("Str", "");
    d.put(
        "List",
        new ArrayList<>(Arrays.asList(1.0, "two", null, Map.of("k", "v"), List.of(3.0, 4.0))));
    d.put("Maps", List.of(Map.of("Name", "n1", "V", 1.0), Map.of("Name", "n2", "V", 2.0)));
    d.put("Html", "<none>");
    d.put("Ctl", "a\tb\nc\u0001");
    d.put("Long", "sha256:4dd97cefde62cf2d6bcfd8f2c0300a24fbcddbe0ebcd577cc8b420c29106869a");
    return d;
  }

  static String run(String template) throws TemplateException {
    return GoTemplate.parse(template).execute(data());
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " § ",
      quoteCharacter = '~',
      ignoreLeadingAndTrailingWhitespace = false,
      textBlock =
          """
      {{.RepoTags}} {{.Empty}} {{.EmptyMap}} {{.Nil}} {{.Missing}} {{.T}} {{.False}} {{.Str}}| § [a:1 b:2] [] map[] <no value> <no value> true false |
      {{.F}} {{.Big}} {{.Small}} {{.Neg}} {{.Num}} § 1.5 1.23456789e+08 1e-07 -2.25 123
      {{.Nested}} {{.Nested.a}} {{.Nested.zz}} {{.List}} {{.Maps}} § map[a:x<y&z> b:1] x<y&z> <no value> [1 two <nil> map[k:v] [3 4]] [map[Name:n1 V:1] map[Name:n2 V:2]]
      {{json .Nested}} {{json .Html}} {{json .Empty}} {{json .EmptyMap}} {{json .Nil}} {{json .Big}} {{json .Small}} {{json .F}} § {"b":1,"a":"x<y&z>"} "<none>" [] {} null 123456789 1e-7 1.5
      {{json .List}} {{json .Ctl}} {{json .U}} § [1,"two",null,{"k":"v"},[3,4]] "a\\\\tb\\\\nc\\\\u0001" "héllo wörld ☃"
      {{index .RepoTags 0}} {{index .RepoTags 1}} {{index .Nested "a"}} {{index .Nested "nope"}} {{index .List 3 "k"}} {{index .List 4 1}} § a:1 b:2 x<y&z> <no value> v 4
      {{index .S 1}} {{index .List 2}} § 101 <no value>
      {{range .RepoTags}}{{.}} {{end}} § a:1 b:2\s
      {{range $i, $e := .RepoTags}}{{$i}}={{$e}},{{end}} § 0=a:1,1=b:2,
      {{range .Empty}}x{{else}}empty{{end}} {{range .Nil}}x{{else}}nil{{end}} § empty nil
      {{range .Nested}}{{.}};{{end}} {{range $k, $v := .Nested}}{{$k}}:{{$v}};{{end}} § x<y&z>;1; a:x<y&z>;b:1;
      {{range .Maps}}{{.Name}}={{.V}} {{end}} § n1=1 n2=2\s
      {{range .List}}[{{.}}]{{end}} § [1][two][<no value>][map[k:v]][[3 4]]
      {{range 3}}{{.}}{{end}} § 012
      {{range 3}}{{if eq . 1}}{{continue}}{{end}}{{if eq . 2}}{{break}}{{end}}{{.}}{{end}}done § 0done
      {{len .RepoTags}} {{len .Nested}} {{len .S}} {{len .U}} {{len .Empty}} § 2 2 23 17 0
      {{if .T}}yes{{else}}no{{end}} {{if .False}}yes{{else if .T}}elif{{else}}no{{end}} {{if .Empty}}a{{else}}b{{end}} {{if .Missing}}a{{else}}b{{end}} § yes elif b b
      {{with .Nested}}{{.a}}{{end}} {{with .Missing}}x{{else}}none{{end}} {{with .Str}}x{{else with .S}}{{.}}{{end}} § x<y&z> none Hello World foo-bar_baz
      {{eq .F 1.5}} {{eq .S "x" "Hello World foo-bar_baz"}} {{ne .F 2.0}} {{lt .F 2.0}} {{le .F 1.5}} {{gt .F 1.0}} {{ge .F 1.6}} {{eq .Missing .Nil}} {{eq .Nil "x"}} § true true true true true true false true false
      {{and .T .S}} {{and .False .S}} {{or .Str .S}} {{or .Str .Empty}} {{not .T}} {{not .Str}} {{and 1 0 2}} § Hello World foo-bar_baz false Hello World foo-bar_baz [] false true 0
      {{print .F .Big "a" "b" .T .Nil}} § 1.5 1.23456789e+08abtrue <nil>
      {{printf "%s=%v %d %5.1f|%-6s|%6s|%q" .S .F 42 .F "ab" "cd" .U}} § Hello World foo-bar_baz=1.5 42   1.5|ab    |    cd|"héllo wörld ☃"
      {{printf "%d %s"}}|{{printf "%d" .S}}|{{printf "%s" 1 2}}|{{printf "%x %X %o %b %c %U" 255 255 8 5 65 9731}}|{{printf "%05d|%+d|% d|%x" 42 42 42 .S}} § %!d(MISSING) %!s(MISSING)|%!d(string=Hello World foo-bar_baz)|%!s(int=1)%!(EXTRA int=2)|ff FF 10 101 A U+2603|00042|+42| 42|48656c6c6f20576f726c6420666f6f2d6261725f62617a
      {{printf "%v %v %v %v" .RepoTags .Nested .Nil .Empty}}|{{printf "%q" .RepoTags}}|{{printf "%T %T %T" .F .S .T}} § [a:1 b:2] map[a:x<y&z> b:1] <nil> []|["a:1" "b:2"]|float64 string bool
      {{printf "%e %E %.2e %g %G %.3g %f %.0f %8.3f %-8.2f|" .F .F .Big .Big .Small .Big .Small .F .Neg .F}} § 1.500000e+00 1.500000E+00 1.23e+08 1.23456789e+08 1E-07 1.23e+08 0.000000 2   -2.250 1.50    |
      {{printf "%t %v %s" .T .False .T}}|{{printf "%6.2s|%.1q" "abc" "xyz"}}|{{printf "%%"}}|{{printf "%!"}}|{{printf "%"}} § true false %!s(bool=true)|    ab|"x"|%|%!!(MISSING)|%!(NOVERB)
      {{printf "%x" .Num}} § 0x1.ecp+06
      {{split .Long ":"}} {{join (split "a,b,c" ",") "|"}} {{split "abc" ""}} {{split "" ","}} § [sha256 4dd97cefde62cf2d6bcfd8f2c0300a24fbcddbe0ebcd577cc8b420c29106869a] a|b|c [a b c] []
      {{join .RepoTags ", "}} § a:1, b:2
      {{title .S}} {{lower .S}} {{upper .U}} {{title .U}} {{title "hello_world x-y 1ab élan"}} § Hello World Foo-Bar_baz hello world foo-bar_baz HÉLLO WÖRLD ☃ Héllo Wörld ☃ Hello_world X-Y 1ab Élan
      {{pad .S 2 3}}|{{pad "" 2 3}}|{{truncate .S 5}}|{{truncate .S 100}}|{{truncate .Long 12}} § \s\sHello World foo-bar_baz   ||Hello|Hello World foo-bar_baz|sha256:4dd97
      {{.S | upper | lower}} {{.RepoTags | len}} {{"x" | printf "%s-%s" "y"}} {{(index .RepoTags 0) | upper}} § hello world foo-bar_baz 2 y-x A:1
      {{$x := .S}}{{$x}} {{$x = "y"}}{{$x}} {{$y := .Nested}}{{$y.a}} {{$z := .Nil}}{{$z}} § Hello World foo-bar_baz y x<y&z> <no value>
      {{- .S -}} | {{- " a " -}} | § Hello World foo-bar_baz| a |
      x  {{- .S}}  {{.S -}}   y § xHello World foo-bar_baz  Hello World foo-bar_bazy
      {{/* comment */}}a{{- /* c2 */ -}} b § ab
      {{html "<a href='x'>&\\"" }} {{js "it's <b>=\\"q\\""}} {{urlquery "a b&c=d/é"}} {{html .Nested}} § &lt;a href=&#39;x&#39;&gt;&amp;&#34; it\\'s \\u003Cb\\u003E\\u003D\\"q\\" a+b%26c%3Dd%2F%C3%A9 map[a:x&lt;y&amp;z&gt; b:1]
      {{slice .S 1 3}} {{slice .RepoTags 1}} {{slice .RepoTags 0 1}} {{slice .S}} § el [b:2] [a:1] Hello World foo-bar_baz
      {{.List | len | printf "%d items"}} § 5 items
      {{"\\u263a \\x41 \\101 \\t|"}} {{`raw\\n`}} {{'a'}} {{0x10}} {{1e3}} {{1.0}} {{-5}} {{+3}} {{0b101}} {{0o17}} {{017}} {{1_000}} § ☺ A A \t| raw\\n 97 16 1000 1 -5 3 5 15 15 1000
      {{printf "%v %v %v" 1e3 1.0 100000000.0}} § 1000 1 1e+08
      {{printf "%d" nil}} § %!d(<nil>)
      {{eq 1 1}} {{eq "a" "a"}} {{eq .T true}} {{lt 1 2}} {{gt "b" "a"}} {{ge 2 2}} § true true true true true true
      {{define "x"}}X{{.}}{{end}}{{template "x" .S}} {{block "b" .F}}B{{.}}{{end}} § XHello World foo-bar_baz B1.5
      """)
  void rendersLikeDocker(String template, String expected) throws TemplateException {
    assertThat(run(unescape(template))).isEqualTo(unescape(expected));
  }

  /** The table uses \\t and \\n for tabs and newlines, \\\\ for a backslash. */
  private static String unescape(String s) {
    return s.replace("\\\\", "\u0000")
        .replace("\\t", "\t")
        .replace("\\n", "\n")
        .replace("\u0000", "\\");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " § ",
      quoteCharacter = '~',
      ignoreLeadingAndTrailingWhitespace = false,
      textBlock =
          """
      {{index .RepoTags 2}} § template: :1:2: executing "" at <index .RepoTags 2>: error calling index: reflect: slice index out of range
      {{index .RepoTags 5}} § template: :1:2: executing "" at <index .RepoTags 5>: error calling index: index out of range: 5
      {{index .RepoTags -1}} § template: :1:2: executing "" at <index .RepoTags -1>: error calling index: index out of range: -1
      {{index .RepoTags "x"}} § template: :1:2: executing "" at <index .RepoTags "x">: error calling index: cannot index slice/array with type string
      {{index .Nil 0}} § template: :1:2: executing "" at <index .Nil 0>: error calling index: index of untyped nil
      {{index .List 2 0}} § template: :1:2: executing "" at <index .List 2 0>: error calling index: index of nil pointer
      {{range .F}}x{{end}} § template: :1:8: executing "" at <.F>: range can't iterate over 1.5
      {{range .S}}x{{end}} § template: :1:8: executing "" at <.S>: range can't iterate over Hello World foo-bar_baz
      {{len .Missing}} § template: :1:2: executing "" at <len .Missing>: error calling len: reflect: call of reflect.Value.Type on zero Value
      {{len .Nil}} § template: :1:2: executing "" at <len .Nil>: error calling len: len of nil pointer
      {{len .F}} § template: :1:2: executing "" at <len .F>: error calling len: len of type float64
      {{eq .F 1}} § template: :1:2: executing "" at <eq .F 1>: error calling eq: incompatible types for comparison
      {{lt .T .False}} § template: :1:2: executing "" at <lt .T .False>: error calling lt: invalid type for comparison
      {{lt .Missing 1.0}} § template: :1:2: executing "" at <lt .Missing 1.0>: error calling lt: invalid type for comparison
      {{truncate .S -1}} § template: :1:2: executing "" at <truncate .S -1>: error calling truncate: runtime error: slice bounds out of range [:-1]
      {{upper .F}} § template: :1:8: executing "" at <.F>: wrong type for value; expected string; got float64
      {{upper .Missing}} § template: :1:8: executing "" at <.Missing>: invalid value; expected string
      {{upper .Nil}} § template: :1:8: executing "" at <.Nil>: wrong type for value; expected string; got interface {}
      {{pad .S .F 1}} § template: :1:9: executing "" at <.F>: wrong type for value; expected int; got float64
      {{truncate .S "a"}} § template: :1:14: executing "" at <"a">: expected integer; found "a"
      {{upper}} § template: :1:2: executing "" at <upper>: wrong number of args for upper: want 1 got 0
      {{upper "a" "b"}} § template: :1:2: executing "" at <upper>: wrong number of args for upper: want 1 got 2
      {{eq}} § template: :1:2: executing "" at <eq>: wrong number of args for eq: want at least 1 got 0
      {{eq 1}} § template: :1:2: executing "" at <eq 1>: error calling eq: missing argument for comparison
      {{.Nil.x}} § template: :1:6: executing "" at <.Nil.x>: nil pointer evaluating interface {}.x
      {{.S.x}} § template: :1:4: executing "" at <.S.x>: can't evaluate field x in type string
      {{.Nested.a 1}} § template: :1:9: executing "" at <.Nested.a>: a is not a method but has arguments
      {{slice .S 3 1}} § template: :1:2: executing "" at <slice .S 3 1>: error calling slice: invalid slice index: 3 > 1
      {{index .RepoTags 1.0}} § template: :1:2: executing "" at <index .RepoTags 1.0>: error calling index: cannot index slice/array with type float64
      {{nil}} § template: :1:2: executing "" at <nil>: nil is not a command
      {{"a" .S}} § template: :1:2: executing "" at <"a">: can't give argument to non-function "a"
      {{range $i, $e := 3}}{{end}} § template: :1:18: executing "" at <3>: can't use 3 to iterate over more than one variable
      {{template "x"}} § template: :1:11: executing "" at <{{template "x"}}>: template "x" not defined
      {{.S}}\\n\\n  {{index .S 99}} § template: :3:4: executing "" at <index .S 99>: error calling index: index out of range: 99
      """)
  void failsLikeDocker(String template, String expected) {
    assertThatThrownBy(() -> run(unescape(template)))
        .isInstanceOf(TemplateException.class)
        .hasMessage(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " § ",
      quoteCharacter = '~',
      ignoreLeadingAndTrailingWhitespace = false,
      textBlock =
          """
      {{.Name} § template: :1: bad character U+007D '}'
      {{.Name § template: :1: unclosed action
      {{if .Name}} § template: :1: unexpected EOF
      {{end}} § template: :1: unexpected {{end}}
      {{else}} § template: :1: unexpected {{else}}
      {{.Name x}} § template: :1: function "x" not defined
      {{$x}} § template: :1: undefined variable "$x"
      {{(.Name}} § template: :1: unclosed left paren
      {{.Name)}} § template: :1: unexpected right paren
      {{"abc}} § template: :1: unterminated quoted string
      {{3x}} § template: :1: bad number syntax: "3x"
      {{/* c */ x}} § template: :1: comment ends before closing delimiter
      {{/* c § template: :1: unclosed comment
      {{.Na%me}} § template: :1: bad character U+0025 '%'
      {{.Name é}} § template: :1: function "é" not defined
      {{range $i, $e, $f := .Name}}{{end}} § template: :1: too many declarations in range
      {{break}} § template: :1: {{break}} outside {{range}}
      {{with $x := .Name}}{{$x}}{{end}}{{$x}} § template: :1: undefined variable "$x"
      {{.Name.}} § template: :1: unexpected <.> in operand
      {{if}}{{end}} § template: :1: missing value for if
      {{.Name | 1}} § template: :1: non executable command in pipeline stage 2
      {{if .Name}}a{{else}}b{{else}}c{{end}} § template: :1: expected end; found {{else}}
      {{| .Name}} § template: :1: unexpected "|" in command
      {{.Name := 1}} § template: :1: unexpected ":=" in operand
      {{@}} § template: :1: unexpected "@" in command
      {{1.5.x}} § template: :1: unexpected . after term "1.5"
      """)
  void parseErrorsLikeDocker(String template, String expected) {
    assertThatThrownBy(() -> GoTemplate.parse(unescape(template)))
        .isInstanceOf(TemplateException.class)
        .hasMessage(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " § ",
      quoteCharacter = '~',
      textBlock =
          """
      {{.Name | }} § t1
      {{.Name}}}} § t1}}
      {{.Name -}}  x § t1x
      {{- 3}} § 3
      {{-3}} § -3
      {{$.Name}} {{$x := $.Name}}{{$x}} § t1 t1
      {{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}} § 2
      """)
  void parsesLikeDocker(String template, String expected) throws TemplateException {
    assertThat(GoTemplate.parse(template).execute(Map.of("Name", "t1"))).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void parseErrorsNameTheLine() {
    assertThatThrownBy(() -> GoTemplate.parse("{{.Name}}\n{{.Name"))
        .hasMessage("template: :2: unclosed action");
    assertThatThrownBy(() -> GoTemplate.parse("a\nb\n{{if .X}}\n{{end"))
        .hasMessage("template: :4: unclosed action");
  }

  @org.junit.jupiter.api.Test
  void missingKeyErrorOption() throws TemplateException {
    GoTemplate t = GoTemplate.parse("{{.Foo}}");
    assertThat(t.execute(Map.of())).isEqualTo("<no value>");
    assertThatThrownBy(() -> t.execute(Map.of(), GoTemplate.MissingKey.ERROR))
        .hasMessage("template: :1:2: executing \"\" at <.Foo>: map has no entry for key \"Foo\"");
    assertThatThrownBy(() -> t.execute(null, GoTemplate.MissingKey.ERROR))
        .hasMessage("template: :1:2: executing \"\" at <.Foo>: nil data; no entry for key \"Foo\"");
  }

  @org.junit.jupiter.api.Test
  void typedValues() throws TemplateException {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("Labels", GoValues.stringMap(Map.of("b", "2", "a", "<1>")));
    d.put("NoLabels", GoValues.stringMap(null));
    d.put("Entrypoint", GoNil.SLICE);
    d.put("Volumes", GoNil.MAP);
    d.put("Size", 72_900_000L);
    d.put("Created", Instant.parse("2022-02-04T21:20:12.497794809Z"));
    d.put("Label", TemplateMethod.of(k -> "label:" + k));
    String out =
        GoTemplate.parse(
                "{{.Labels}} {{index .Labels \"x\"}}| {{index .NoLabels \"x\"}}| {{.NoLabels}}"
                    + " {{.Entrypoint}} {{.Volumes}} {{.Size}} {{.Created}} {{.Label \"k\"}}"
                    + " {{json .Labels}} {{json .NoLabels}} {{json .Entrypoint}} {{json .Created}}"
                    + " {{len .Entrypoint}} {{if .Volumes}}y{{else}}n{{end}} {{eq .Size 72900000}}")
            .execute(d);
    assertThat(out)
        .isEqualTo(
            "map[a:<1> b:2] | | map[] [] map[] 72900000 2022-02-04 21:20:12.497794809 +0000 UTC"
                + " label:k {\"a\":\"<1>\",\"b\":\"2\"} null null \"2022-02-04T21:20:12.497794809Z\""
                + " 0 n true");
    assertThatThrownBy(() -> GoTemplate.parse("{{.Label}}").execute(d))
        .hasMessage(
            "template: :1:2: executing \"\" at <.Label>: wrong number of args for Label: want 1 got 0");
  }

  @org.junit.jupiter.api.Test
  void variablesCanBeGivenAsArguments() throws Exception {
    java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("L", java.util.List.of("a", "b"));
    org.assertj.core.api.Assertions.assertThat(
            GoTemplate.parse("{{range $k, $v := .L}}{{printf \"%d=%s \" $k $v}}{{end}}")
                .execute(data))
        .isEqualTo("0=a 1=b ");
  }

  @org.junit.jupiter.api.Test
  void extremePrintfWidthsFailAsTemplateErrors() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> GoTemplate.parse("{{printf \"%99999999999d\" 1}}").execute(java.util.Map.of()))
        .isInstanceOf(TemplateException.class);
  }
}
