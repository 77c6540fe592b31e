package io.jdock.union;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.sys.FileMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merged view of lower layers: top-down resolution, whiteouts and opaque directories. */
class LowerTreeBuilderTest {
  @TempDir Path tmp;

  private Fs mount(LowerLayer... layers) throws Exception {
    return new Fs(Union.open(new UnionConfig(List.of(layers), Optional.empty(), true)));
  }

  private LayerBuilder layer(String name) throws Exception {
    return new LayerBuilder(tmp.resolve(name));
  }

  @Test
  void upperLayersWinAndDirectoriesMerge() throws Exception {
    LowerLayer l0 = layer("l0").dir("etc").file("etc/a", "old a").file("etc/b", "b").build();
    LowerLayer l1 = layer("l1").dir("etc", 0700).file("etc/a", "new a").file("etc/c", "c").build();
    Fs fs = mount(l0, l1);
    assertThat(fs.ls("etc")).containsExactly("a", "b", "c");
    assertThat(fs.read("etc/a")).isEqualTo("new a");
    assertThat(fs.read("etc/b")).isEqualTo("b");
    assertThat(fs.stat("etc").mode() & 07777).isEqualTo(0700);
  }

  @Test
  void whiteoutHidesLowerFileAndWholeDirectory() throws Exception {
    LowerLayer l0 =
        layer("l0")
            .dir("d")
            .file("d/x", "x")
            .dir("gone")
            .file("gone/y", "y")
            .file("f", "f")
            .build();
    LowerLayer l1 = layer("l1").whiteout("d/x").whiteout("gone").whiteout("f").build();
    Fs fs = mount(l0, l1);
    assertThat(fs.ls("")).containsExactly("d");
    assertThat(fs.ls("d")).isEmpty();
    assertThat(fs.exists("gone/y")).isFalse();
  }

  @Test
  void whiteoutDoesNotHideItsOwnLayer() throws Exception {
    LowerLayer l0 = layer("l0").file("a", "lower").build();
    LowerLayer l1 = layer("l1").file("a", "same layer").whiteout("a").build();
    assertThat(mount(l0, l1).read("a")).isEqualTo("same layer");
  }

  @Test
  void opaqueMarkerAppliesBeforeItsLayerWhereverItStands() throws Exception {
    LowerLayer l0 = layer("l0").dir("a").file("a/old", "old").dir("a/b").file("a/b/x", "x").build();
    // the spec's example: a/ a/.wh..wh..opq last: "delete a/b and recreate it with only foo"
    LowerLayer l1 =
        layer("l1").dir("a").dir("a/b").dir("a/b/c").file("a/b/c/foo", "foo").opaque("a").build();
    Fs fs = mount(l0, l1);
    assertThat(fs.ls("a")).containsExactly("b");
    assertThat(fs.ls("a/b")).containsExactly("c");
    assertThat(fs.read("a/b/c/foo")).isEqualTo("foo");
  }

  @Test
  void directoryDeletedAndRecreatedKeepsLowerContentHidden() throws Exception {
    LowerLayer l0 = layer("l0").dir("d").file("d/secret", "s").dir("d/sub").build();
    LowerLayer l1 = layer("l1").whiteout("d").build();
    LowerLayer l2 = layer("l2").dir("d").file("d/new", "n").build();
    Fs fs = mount(l0, l1, l2);
    assertThat(fs.ls("d")).containsExactly("new");
  }

  @Test
  void whiteoutAndRecreationInOneLayerReplacesTheDirectory() throws Exception {
    LowerLayer l0 = layer("l0").dir("d").file("d/old", "o").build();
    LowerLayer l1 = layer("l1").whiteout("d").dir("d").file("d/new", "n").build();
    assertThat(mount(l0, l1).ls("d")).containsExactly("new");
  }

  @Test
  void unlistedParentsKeepTheAttributesOfTheLayersBelow() throws Exception {
    LowerLayer l0 = layer("l0").dir("usr", 0700).dir("usr/share", 0750).build();
    LowerLayer l1 = layer("l1").file("usr/share/new", "n").file("opt/deep/x", "x").build();
    Fs fs = mount(l0, l1);
    assertThat(fs.stat("usr").mode() & 07777).isEqualTo(0700);
    assertThat(fs.stat("usr/share").mode() & 07777).isEqualTo(0750);
    assertThat(fs.read("usr/share/new")).isEqualTo("n");
    assertThat(fs.stat("opt/deep").mode()).isEqualTo(FileMode.S_IFDIR | 0755);
    assertThat(fs.read("opt/deep/x")).isEqualTo("x");
  }

  @Test
  void reservedNamesAreNeverListedOrFound() throws Exception {
    LowerLayer l0 = layer("l0").dir("d").file("d/x", "x").build();
    LowerLayer l1 = layer("l1").whiteout("d/x").opaque("d").build();
    Fs fs = mount(l0, l1);
    assertThat(fs.ls("d")).isEmpty();
    assertThat(fs.exists("d/.wh.x")).isFalse();
    assertThat(fs.exists("d/.wh..wh..opq")).isFalse();
  }

  @Test
  void hardLinksShareOneInodeAndCountTheirNames() throws Exception {
    LowerLayer l0 =
        layer("l0").dir("a").dir("b").file("a/f", "data").hardlink("b/g", "a/f").build();
    Fs fs = mount(l0);
    assertThat(fs.ino("a/f")).isEqualTo(fs.ino("b/g"));
    assertThat(fs.stat("a/f").nlink()).isEqualTo(2);
    assertThat(fs.read("b/g")).isEqualTo("data");
  }

  @Test
  void hardLinkToALowerLayerResolvesThere() throws Exception {
    LowerLayer l0 = layer("l0").file("f", "base").build();
    LowerLayer l1 = layer("l1").build();
    var entries = new java.util.ArrayList<>(l1.entries());
    entries.add(
        new io.jdock.layer.LayerEntry(
            "g", io.jdock.layer.EntryType.HARDLINK, 0644, 0, 0, 0, 0, 0, "f", 0, Map.of(), false));
    Fs fs = mount(l0, new LowerLayer(entries, l1.dataRoot()));
    assertThat(fs.ino("g")).isEqualTo(fs.ino("f"));
    assertThat(fs.read("g")).isEqualTo("base");
  }

  @Test
  void inodeNumbersAreUniqueAndStable() throws Exception {
    LowerLayer l0 =
        layer("l0").dir("d").file("d/a", "a").file("d/b", "b").symlink("s", "d").build();
    Fs fs = mount(l0);
    long a = fs.ino("d/a");
    assertThat(List.of(fs.ino(""), fs.ino("d"), a, fs.ino("d/b"), fs.ino("s")))
        .doesNotHaveDuplicates();
    assertThat(fs.ino("d/a")).isEqualTo(a);
  }

  @Test
  void directoryLinkCountIsTwoPlusSubdirectories() throws Exception {
    LowerLayer l0 = layer("l0").dir("d").dir("d/x").dir("d/y").file("d/f", "f").build();
    LowerLayer l1 = layer("l1").whiteout("d/y").build();
    Fs fs = mount(l0, l1);
    assertThat(fs.stat("d").nlink()).isEqualTo(3);
    assertThat(fs.stat("d/x").nlink()).isEqualTo(2);
  }

  @Test
  void attributesComeFromTheLayerEntry() throws Exception {
    LowerLayer l0 =
        layer("l0")
            .file("f", "12345", 04755, Map.of("user.k", "v".getBytes()))
            .owned("o", "", 1000, 1001)
            .symlink("s", "target/x")
            .fifo("p")
            .charDevice("c", FileMode.makedev(1, 3))
            .build();
    FileSystem fs = Union.open(new UnionConfig(List.of(l0), Optional.empty(), true));
    Fs p = new Fs(fs);
    Attr f = p.stat("f");
    assertThat(f.mode()).isEqualTo(FileMode.S_IFREG | 04755);
    assertThat(f.size()).isEqualTo(5);
    assertThat(f.mtimeSec()).isEqualTo(LayerBuilder.MTIME);
    assertThat(p.stat("o").uid()).isEqualTo(1000);
    assertThat(p.stat("o").gid()).isEqualTo(1001);
    assertThat(fs.readlink(p.ino("s"))).isEqualTo("target/x");
    assertThat(p.stat("s").size()).isEqualTo(8);
    assertThat(p.stat("p").mode() & FileMode.S_IFMT).isEqualTo(FileMode.S_IFIFO);
    assertThat(p.stat("c").rdev()).isEqualTo(FileMode.makedev(1, 3));
    assertThat(fs.listxattr(p.ino("f"))).containsExactly("user.k");
    assertThat(new String(fs.getxattr(p.ino("f"), "user.k"))).isEqualTo("v");
  }

  @Test
  void readOnlyUnionRefusesWrites() throws Exception {
    Fs fs = mount(layer("l0").file("f", "x").build());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fs.write("f", "y"))
        .isInstanceOfSatisfying(
            FsException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EROFS));
  }
}
