package io.jdock.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.Digest;
import io.jdock.reference.ImageReference;
import io.jdock.reference.InvalidReferenceException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageLookupTest {
  private static final Digest ABC = Digest.sha256Hex("abc1" + "0".repeat(60));
  private static final Digest ABD = Digest.sha256Hex("abd2" + "0".repeat(60));
  private static final Digest FED = Digest.sha256Hex("fed3" + "0".repeat(60));

  /** A tag whose name reads like an ID prefix of another image. */
  private static final Map<String, Digest> REFS =
      Map.of(
          "docker.io/library/ubuntu:latest",
          ABC,
          "docker.io/library/ubuntu:22.04",
          ABD,
          "docker.io/library/fed3:latest",
          ABC,
          "localhost:5000/app@sha256:" + "9".repeat(64),
          FED);

  private static Optional<Digest> resolve(String argument) throws InvalidReferenceException {
    return ImageLookup.resolve(
        argument,
        (ImageReference ref) -> Optional.ofNullable(REFS.get(ref.toString())),
        List.of(ABC, ABD, FED));
  }

  @ParameterizedTest
  @CsvSource({
    // argument, expected image (first 4 hex) or '-' for not found
    "ubuntu, abc1",
    "ubuntu:latest, abc1",
    "docker.io/library/ubuntu, abc1",
    "ubuntu:22.04, abd2",
    "ubuntu:nope, -",
    // the reference wins over the ID prefix it also is
    "fed3, abc1",
    "fed, fed3",
    "sha256:fed, fed3",
    "abc, abc1",
    // ambiguous prefix: not found
    "ab, -",
    "sha256:ab, -",
    "a, -",
    "sha512:abc, -",
    "localhost:5000/app@sha256:9999999999999999999999999999999999999999999999999999999999999999, fed3",
    "0123, -",
  })
  void followsDockersLookupOrder(String argument, String expected) throws Exception {
    assertThat(resolve(argument).map(d -> d.hex().substring(0, 4)).orElse("-")).isEqualTo(expected);
  }

  @Test
  void fullIdsMatchExactlyOnly() throws Exception {
    assertThat(resolve(ABC.hex())).contains(ABC);
    assertThat(resolve(ABC.toString())).contains(ABC);
    assertThat(resolve("b".repeat(64))).isEmpty();
  }

  @Test
  void invalidReferencesFailWithDockersMessage() {
    assertThatThrownBy(() -> resolve("Ubuntu"))
        .isInstanceOf(InvalidReferenceException.class)
        .hasMessage("invalid reference format: repository name (library/Ubuntu) must be lowercase");
  }

  @ParameterizedTest
  @CsvSource({
    "foo, No such image: foo:latest",
    "foo:1, No such image: foo:1",
    "abc123, No such image: abc123:latest",
    "sha256:abc, No such image: sha256:abc",
    "localhost:5000/x, No such image: localhost:5000/x:latest",
    "Bad, No such image: Bad",
  })
  void notFoundMessagesAreDockers(String argument, String message) {
    assertThat(ImageLookup.notFoundMessage(argument)).isEqualTo(message);
  }

  @Test
  void notFoundMessageOfAFullIdIsTheDigest() {
    assertThat(ImageLookup.notFoundMessage("c".repeat(64)))
        .isEqualTo("No such image: sha256:" + "c".repeat(64));
  }

  @ParameterizedTest
  @CsvSource({"abc1, true", "sha256:abc1, true", "sha256, true", "abd, false", "ubuntu, false"})
  void idPrefixIsDockersIsImageIdPrefix(String argument, boolean expected) {
    assertThat(ImageLookup.isIdPrefix(ABC, argument)).isEqualTo(expected);
  }
}
