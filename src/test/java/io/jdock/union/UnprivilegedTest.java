package io.jdock.union;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.sys.ExtendedAttributes;
import io.jdock.sys.FileMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A union served without privileges keeps presenting the image's owners and modes, also after a
 * copy-up made the upper file belong to the serving user.
 */
class UnprivilegedTest {
  @TempDir Path tmp;

  @Test
  void copiedUpFilesKeepTheirPresentedOwnerAndMode() throws Exception {
    LowerLayer l0 =
        new LayerBuilder(tmp.resolve("l0"))
            .dir("bin")
            .file("bin/su", "suid", 04755, Map.of())
            .owned("bin/owned", "o", 1000, 1000)
            .build();
    Path upper = Files.createDirectory(tmp.resolve("upper"));
    Union union = Union.open(new UnionConfig(List.of(l0), Optional.of(upper), false));
    Fs fs = new Fs(union);
    fs.append("bin/owned", "!");
    union.setattr(Fs.USER, fs.ino("bin/su"), SetAttr.none().withMode(04750), -1);
    assertThat(fs.stat("bin/owned").uid()).isEqualTo(1000);
    assertThat(fs.stat("bin/su").mode()).isEqualTo(FileMode.S_IFREG | 04750);
    assertThat(
            ExtendedAttributes.lget(
                upper.resolve("bin/owned").toString(), Ownership.OVERRIDE_XATTR))
        .isPresent();
    assertThat(union.listxattr(fs.ino("bin/owned"))).doesNotContain(Ownership.OVERRIDE_XATTR);
    Fs again = new Fs(Union.open(new UnionConfig(List.of(l0), Optional.of(upper), false)));
    assertThat(again.stat("bin/owned").uid()).isEqualTo(1000);
    assertThat(again.read("bin/owned")).isEqualTo("o!");
  }
}
