package io.jdock.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.cli.format.Token.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Item streams as Go's lex_test.go expects them; items are written TYPE:val, separated by |. */
class LexerTest {
  /** Lexes until EOF or an error; the items as TYPE:val. */
  static String items(String input) {
    Lexer lexer = new Lexer(input);
    List<String> out = new ArrayList<>();
    while (true) {
      Token t = lexer.nextItem();
      out.add(t.type() + ":" + t.val());
      if (t.type() == Type.EOF || t.type() == Type.ERROR) {
        return String.join("|", out);
      }
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '~',
      ignoreLeadingAndTrailingWhitespace = false,
      textBlock =
          """
      ~~ => EOF:
      a{{.X}}b => TEXT:a|LEFT_DELIM:{{|FIELD:.X|RIGHT_DELIM:}}|TEXT:b|EOF:
      a {{- 3 -}} b => TEXT:a|LEFT_DELIM:{{|NUMBER:3|RIGHT_DELIM:}}|TEXT:b|EOF:
      {{-3}} => LEFT_DELIM:{{|NUMBER:-3|RIGHT_DELIM:}}|EOF:
      {{$x := 1}} => LEFT_DELIM:{{|VARIABLE:$x|SPACE: |DECLARE::=|SPACE: |NUMBER:1|RIGHT_DELIM:}}|EOF:
      {{$x = $}} => LEFT_DELIM:{{|VARIABLE:$x|SPACE: |ASSIGN:=|SPACE: |VARIABLE:$|RIGHT_DELIM:}}|EOF:
      {{.A.B $.C}} => LEFT_DELIM:{{|FIELD:.A|FIELD:.B|SPACE: |VARIABLE:$|FIELD:.C|RIGHT_DELIM:}}|EOF:
      {{(.A | len)}} => LEFT_DELIM:{{|LEFT_PAREN:(|FIELD:.A|SPACE: |PIPE:||SPACE: |IDENTIFIER:len|RIGHT_PAREN:)|RIGHT_DELIM:}}|EOF:
      {{true false nil . x}} => LEFT_DELIM:{{|BOOL:true|SPACE: |BOOL:false|SPACE: |NIL:nil|SPACE: |DOT:.|SPACE: |IDENTIFIER:x|RIGHT_DELIM:}}|EOF:
      {{if}}{{else}}{{end}}{{range}}{{with}} => LEFT_DELIM:{{|IF:if|RIGHT_DELIM:}}|LEFT_DELIM:{{|ELSE:else|RIGHT_DELIM:}}|LEFT_DELIM:{{|END:end|RIGHT_DELIM:}}|LEFT_DELIM:{{|RANGE:range|RIGHT_DELIM:}}|LEFT_DELIM:{{|WITH:with|RIGHT_DELIM:}}|EOF:
      {{define block template break continue}} => LEFT_DELIM:{{|DEFINE:define|SPACE: |BLOCK:block|SPACE: |TEMPLATE:template|SPACE: |BREAK:break|SPACE: |CONTINUE:continue|RIGHT_DELIM:}}|EOF:
      {{"a\\"b" `r` 'c'}} => LEFT_DELIM:{{|STRING:"a\\"b"|SPACE: |RAW_STRING:`r`|SPACE: |CHAR_CONSTANT:'c'|RIGHT_DELIM:}}|EOF:
      {{0x1F 1e3 .5 0b1 1_0 1+2i}} => LEFT_DELIM:{{|NUMBER:0x1F|SPACE: |NUMBER:1e3|SPACE: |NUMBER:.5|SPACE: |NUMBER:0b1|SPACE: |NUMBER:1_0|SPACE: |NUMBER:1+2i|RIGHT_DELIM:}}|EOF:
      {{a,b @}} => LEFT_DELIM:{{|IDENTIFIER:a|CHAR:,|IDENTIFIER:b|SPACE: |CHAR:@|RIGHT_DELIM:}}|EOF:
      x{{/* c */}}y => TEXT:x|TEXT:y|EOF:
      x {{- /* c */ -}} y => TEXT:x|TEXT:y|EOF:
      {{.A}}}} => LEFT_DELIM:{{|FIELD:.A|RIGHT_DELIM:}}|TEXT:}}|EOF:
      {{.A => LEFT_DELIM:{{|FIELD:.A|ERROR:unclosed action
      {{"a}} => LEFT_DELIM:{{|ERROR:unterminated quoted string
      {{'a}} => LEFT_DELIM:{{|ERROR:unterminated character constant
      {{`a}} => LEFT_DELIM:{{|ERROR:unterminated raw quoted string
      {{3x}} => LEFT_DELIM:{{|ERROR:bad number syntax: "3x"
      {{1+2}} => LEFT_DELIM:{{|ERROR:bad number syntax: "1+2"
      {{(}} => LEFT_DELIM:{{|LEFT_PAREN:(|ERROR:unclosed left paren
      {{)}} => LEFT_DELIM:{{|ERROR:unexpected right paren
      {{:}} => LEFT_DELIM:{{|ERROR:expected :=
      {{.A%}} => LEFT_DELIM:{{|ERROR:bad character U+0025 '%'
      {{x%}} => LEFT_DELIM:{{|ERROR:bad character U+0025 '%'
      {{é%}} => LEFT_DELIM:{{|ERROR:bad character U+0025 '%'
      {{/* => ERROR:unclosed comment
      {{/* */ x}} => ERROR:comment ends before closing delimiter
      """)
  void lexesLikeGo(String input, String expected) {
    assertThat(items(input)).isEqualTo(expected);
  }

  @Test
  void controlCharacterInActionIsAnError() {
    assertThat(items("{{\u0001}}"))
        .isEqualTo("LEFT_DELIM:{{|ERROR:unrecognized character in action: U+0001");
  }

  @Test
  void trimMarkerEatsNewlinesAndTabs() {
    assertThat(items("a \n\t{{- .A -}}\n\t b"))
        .isEqualTo("TEXT:a|LEFT_DELIM:{{|FIELD:.A|RIGHT_DELIM:}}|TEXT:b|EOF:");
  }

  @Test
  void itemsKnowTheirLineAndOffset() {
    Lexer lexer = new Lexer("a\nb{{.X\n}}");
    Token text = lexer.nextItem();
    Token delim = lexer.nextItem();
    Token field = lexer.nextItem();
    assertThat(text.line()).isEqualTo(1);
    assertThat(delim.line()).isEqualTo(2);
    assertThat(delim.pos()).isEqualTo(3);
    assertThat(field.pos()).isEqualTo(5);
    assertThat(lexer.nextItem().type()).isEqualTo(Type.SPACE);
    assertThat(lexer.nextItem().line()).isEqualTo(3);
  }

  @Test
  void eofRepeatsAfterAnError() {
    Lexer lexer = new Lexer("{{\"a");
    lexer.nextItem();
    assertThat(lexer.nextItem().type()).isEqualTo(Type.ERROR);
    assertThat(lexer.nextItem().type()).isEqualTo(Type.EOF);
    assertThat(lexer.nextItem().type()).isEqualTo(Type.EOF);
  }
}
