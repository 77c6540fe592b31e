package io.jdock.union;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.sys.ExtendedAttributes;
import io.jdock.sys.Posix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain directories as layers: both whiteout forms, xattrs read when asked for, hard links. */
class DirectoryLayerTest {
  @TempDir Path tmp;

  @Test
  void overlayfsAndOciWhiteoutsBothHideLowerEntries() throws Exception {
    Path lower = Files.createDirectories(tmp.resolve("lower"));
    Files.createDirectories(lower.resolve("a/opaque"));
    Files.writeString(lower.resolve("a/opaque/old"), "old");
    Files.writeString(lower.resolve("a/x"), "x");
    Files.writeString(lower.resolve("a/y"), "y");
    Path top = Files.createDirectories(tmp.resolve("top"));
    Files.createDirectories(top.resolve("a/opaque"));
    ExtendedAttributes.lset(
        top.resolve("a/opaque").toString(), "trusted.overlay.opaque", "y".getBytes(), 0);
    Files.writeString(top.resolve("a/opaque/new"), "new");
    Posix.mknod(top.resolve("a/x").toString(), io.jdock.sys.FileMode.S_IFCHR | 0600, 0);
    Files.writeString(top.resolve("a/.wh.y"), "");
    Fs fs = mount(lower, top);
    assertThat(fs.ls("a")).containsExactly("opaque");
    assertThat(fs.ls("a/opaque")).containsExactly("new");
  }

  @Test
  void xattrsAreReadFromTheFilesAndHardLinksGrouped() throws Exception {
    Path lower = Files.createDirectories(tmp.resolve("lower"));
    Path f = Files.writeString(lower.resolve("f"), "data");
    Files.createLink(lower.resolve("g"), f);
    ExtendedAttributes.lset(f.toString(), "user.k", "v".getBytes(), 0);
    ExtendedAttributes.lset(f.toString(), "trusted.overlay.origin", "x".getBytes(), 0);
    Fs fs = mount(lower);
    long ino = fs.ino("f");
    assertThat(fs.ino("g")).isEqualTo(ino);
    assertThat(fs.stat("f").nlink()).isEqualTo(2);
    assertThat(fs.fs.listxattr(ino)).containsExactly("user.k");
    assertThat(new String(fs.fs.getxattr(ino, "user.k"))).isEqualTo("v");
  }

  private Fs mount(Path... bottomFirst) throws Exception {
    List<LowerLayer> layers = new java.util.ArrayList<>();
    for (Path p : bottomFirst) {
      layers.add(DirectoryLayer.scan(p));
    }
    return new Fs(Union.open(new UnionConfig(layers, Optional.empty(), true)));
  }
}
