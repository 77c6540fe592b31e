package io.jdock.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorResponsesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "404|{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\",\"detail\":{\"Tag\":\"x\"}}]}|null|manifest unknown: manifest unknown|MANIFEST_UNKNOWN",
        "401|{}|Bearer realm=\"r\",error=\"insufficient_scope\"|denied: requested access to the resource is denied|DENIED",
        "401|{}|Bearer realm=\"r\",error=\"invalid_token\",error_description=\"expired\"|unauthorized: expired|UNAUTHORIZED",
        "401|not json|null|unauthorized: authentication required|UNAUTHORIZED",
        "401|{\"details\":\"incorrect username or password\"}|null|unauthorized: incorrect username or password|UNAUTHORIZED",
        "502|<html>bad gateway</html>|null|received unexpected HTTP status: 502 Bad Gateway|null",
        "404|404 page not found|null|received unexpected HTTP status: 404 Not Found|null",
      })
  void answersBecomeDockersErrors(
      int status, String body, String challenge, String message, String code) {
    RegistryException e =
        ErrorResponses.of(
            status,
            body.getBytes(StandardCharsets.UTF_8),
            challenge == null ? List.of() : Challenge.parseAll(List.of(challenge)));

    assertThat(e).hasMessage(message);
    assertThat(e.status()).hasValue(status);
    if (code == null) {
      assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNEXPECTED_STATUS);
    } else {
      assertThat(e.errors().get(0).code()).isEqualTo(code);
      assertThat(e.kind()).isEqualTo(RegistryException.Kind.ERROR_CODES);
    }
  }

  @org.junit.jupiter.api.Test
  void severalErrorsAreListed() {
    RegistryException e =
        ErrorResponses.of(
            400,
            "{\"errors\":[{\"code\":\"NAME_INVALID\",\"message\":\"a\"},{\"code\":\"TAG_INVALID\",\"message\":\"b\"}]}"
                .getBytes(StandardCharsets.UTF_8),
            List.of());

    assertThat(e).hasMessage("errors:\nname invalid: a\ntag invalid: b\n");
    assertThat(e.errors()).hasSize(2);
    assertThat(e.isTemporary()).isFalse();
  }
}
