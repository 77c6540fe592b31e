package io.jdock.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.cli.format.Node.ListNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parse trees printed as Go's {@code Node.String()} prints them, as parse_test.go checks. */
class ParserTest {
  private static final Set<String> FUNCS = Set.of("len", "printf", "index");

  static String tree(String text) throws TemplateException {
    return Parser.parse(text, FUNCS, new HashMap<>()).toString();
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '~',
      ignoreLeadingAndTrailingWhitespace = false,
      textBlock =
          """
      a{{.A}}b => a{{.A}}b
      {{ .A  .B }} => {{.A .B}}
      {{.A | printf "%d" | len}} => {{.A | printf "%d" | len}}
      {{(.A).B}} {{(len .A).B.C}} => {{(.A).B}} {{(len .A).B.C}}
      {{$.A.B}} {{$x := .A}}{{$x.B}} => {{$.A.B}} {{$x := .A}}{{$x.B}}
      {{$x := 1}}{{$x = 2}} => {{$x := 1}}{{$x = 2}}
      {{0x1F}} {{'a'}} {{1e3}} {{"a\\tb"}} {{`r`}} {{nil}} {{true}} {{.}} => {{0x1F}} {{'a'}} {{1e3}} {{"a\\tb"}} {{`r`}} {{nil}} {{true}} {{.}}
      {{if .A}}a{{else if .B}}b{{else}}c{{end}} => {{if .A}}a{{else}}{{if .B}}b{{else}}c{{end}}{{end}}
      {{with .A}}a{{else with .B}}b{{end}} => {{with .A}}a{{else}}{{with .B}}b{{end}}{{end}}
      {{range $i, $e := .A}}{{$i}}{{break}}{{continue}}{{else}}e{{end}} => {{range $i, $e := .A}}{{$i}}{{break}}{{continue}}{{else}}e{{end}}
      {{template "x"}}{{template "y" .A}} => {{template "x"}}{{template "y" .A}}
      {{block "b" .}}B{{end}}! => {{template "b" .}}!
      {{define "x"}}X{{end}}y => y
      a {{- .A -}} b {{/* c */}} => a{{.A}}b\s
      """)
  void printsLikeGo(String text, String expected) throws TemplateException {
    assertThat(tree(text)).isEqualTo(expected.replace("\\s", " "));
  }

  @Test
  void definitionsAndBlocksBecomeTemplates() throws TemplateException {
    Map<String, ListNode> templates = new HashMap<>();
    ListNode root =
        Parser.parse(
            "{{define \"x\"}}X{{.}}{{end}}{{block \"b\" 1}}B{{end}}{{define \"e\"}} {{end}}",
            FUNCS,
            templates);
    assertThat(templates).containsOnlyKeys("", "x", "b", "e");
    assertThat(templates.get("")).isSameAs(root);
    assertThat(templates.get("x")).hasToString("X{{.}}");
    assertThat(templates.get("b")).hasToString("B");
  }

  @Test
  void anEmptyDefinitionGivesWayToAFullOne() throws TemplateException {
    Map<String, ListNode> templates = new HashMap<>();
    Parser.parse("{{define \"a\"}} {{end}}{{define \"a\"}}A{{end}}", FUNCS, templates);
    assertThat(templates.get("a")).hasToString("A");
    Parser.parse("{{define \"a\"}} {{end}}", FUNCS, templates);
    assertThat(templates.get("a")).hasToString("A");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '~',
      textBlock =
          """
      {{define "a"}}A{{end}}{{define "a"}}B{{end}} => template: :1: template: multiple definition of template "a"
      {{define "a"}}{{else}}{{end}} => template: :1: unexpected {{else}} in define clause
      {{define 1}}{{end}} => template: :1: unexpected "1" in define clause
      {{define "a" .}}{{end}} => template: :1: unexpected <.> in define clause
      {{block "b" .}}{{else}}{{end}} => template: :1: unexpected {{else}} in block clause
      {{template .A}} => template: :1: unexpected ".A" in template clause
      {{template "\\z"}} => template: :1: invalid syntax
      {{range .A}}{{else}}{{break}}{{end}} => template: :1: {{break}} outside {{range}}
      {{continue}} => template: :1: {{continue}} outside {{range}}
      {{range .A}}{{break 1}}{{end}} => template: :1: unexpected "1" in {{break}}
      {{$x, $y := 1}} => template: :1: too many declarations in command
      {{range $x, 1 := .A}}{{end}} => template: :1: range can only initialize variables
      {{with $x := 1}}{{end}}{{$x}} => template: :1: undefined variable "$x"
      {{define "d"}}{{$x}}{{end}}{{$x := 1}} => template: :1: undefined variable "$x"
      {{nope}} => template: :1: function "nope" not defined
      {{len | 1}} => template: :1: non executable command in pipeline stage 2
      {{nil.x}} => template: :1: unexpected . after term "nil"
      {{"a".x}} => template: :1: unexpected . after term "\\"a\\""
      {{()}} => template: :1: missing value for parenthesized pipeline
      {{'ab'}} => template: :1: malformed character constant: 'ab'
      {{if .A}}\\n{{else}}\\n{{end => template: :3: unclosed action
      {{.A\\n(}} => template: :2: unclosed left paren in action started at :1
      """)
  void failsLikeGo(String text, String expected) {
    assertThatThrownBy(() -> tree(text.replace("\\n", "\n")))
        .isInstanceOf(TemplateException.class)
        .hasMessage(expected);
  }
}
