package io.jdock.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.union.DirectoryLayer;
import io.jdock.union.Union;
import io.jdock.union.UnionConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerDiffTest {
  @TempDir Path lower;
  @TempDir Path upper;

  private List<String> diff() throws IOException {
    Union view =
        Union.open(new UnionConfig(List.of(DirectoryLayer.scan(lower)), Optional.empty(), false));
    try {
      return ContainerDiff.between(view, upper).stream().map(Object::toString).toList();
    } finally {
      view.destroy();
    }
  }

  /** A dir in the upper dir as copy-up leaves it: same mode and mtime as below. */
  private void copiedUp(String path) throws IOException {
    Path dir = Files.createDirectories(upper.resolve(path));
    Files.setLastModifiedTime(dir, Files.getLastModifiedTime(lower.resolve(path)));
  }

  /** Sets the mtime back after writing into a copied-up dir, as the union's copy-up does. */
  private void keepTime(String path) throws IOException {
    Files.setLastModifiedTime(upper.resolve(path), Files.getLastModifiedTime(lower.resolve(path)));
  }

  @Test
  void addedChangedAndDeletedNamesInDockersOrder() throws IOException {
    Files.createDirectories(lower.resolve("etc/apt"));
    Files.writeString(lower.resolve("etc/issue"), "Debian\n");
    Files.writeString(lower.resolve("etc/motd"), "hello\n");
    Files.createDirectories(lower.resolve("var/log"));
    Files.setLastModifiedTime(lower.resolve("etc"), FileTime.fromMillis(1_000_000_000_000L));
    copiedUp("etc");
    Files.writeString(upper.resolve("etc/issue"), "changed\n");
    Files.createFile(upper.resolve("etc/.wh.motd"));
    Files.writeString(upper.resolve("f"), "hi\n");
    copiedUp("var");
    copiedUp("var/log");
    Files.writeString(upper.resolve("var/log/new.log"), "x");
    Files.createDirectories(upper.resolve("new/sub"));
    Files.createFile(upper.resolve(".wh..wh.jdock-tmp.123"));
    Files.createFile(upper.resolve("var/.wh..wh.jdock-tmp.9"));
    keepTime("var/log");
    keepTime("var");
    assertThat(diff())
        .containsExactly(
            "C /etc",
            "D /etc/motd",
            "C /etc/issue",
            "A /f",
            "A /new",
            "A /new/sub",
            "C /var/log",
            "A /var/log/new.log");
  }

  @Test
  void aDirWithANewMtimeIsChangedItself() throws IOException {
    Files.createDirectories(lower.resolve("tmp"));
    Files.setLastModifiedTime(lower.resolve("tmp"), FileTime.fromMillis(1_000_000_000_000L));
    Files.createDirectories(upper.resolve("tmp"));
    Files.writeString(upper.resolve("tmp/x"), "1");
    assertThat(diff()).containsExactly("C /tmp", "A /tmp/x");
  }

  @Test
  void anEmptyUpperDirChangesNothing() throws IOException {
    Files.writeString(lower.resolve("a"), "1");
    assertThat(diff()).isEmpty();
    assertThat(ContainerDiff.between(null, upper.resolve("missing"))).isEmpty();
  }
}
