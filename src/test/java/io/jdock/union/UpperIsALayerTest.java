package io.jdock.union;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upper dir is itself a valid OCI layer: the lower layers plus the upper dir read as one more
 * layer show exactly what the live union shows.
 */
class UpperIsALayerTest {
  @TempDir Path tmp;

  @Test
  void upperDirAppliedAsALayerGivesTheSameTree() throws Exception {
    LowerLayer l0 =
        new LayerBuilder(tmp.resolve("l0"))
            .dir("etc")
            .file("etc/a", "a")
            .file("etc/b", "b")
            .dir("var")
            .dir("var/lib")
            .file("var/lib/x", "x")
            .dir("opt")
            .file("opt/o", "o")
            .file("top", "t")
            .build();
    Path upper = Files.createDirectory(tmp.resolve("upper"));
    Fs live = new Fs(Union.open(new UnionConfig(List.of(l0), Optional.of(upper), true)));
    live.unlink("etc/a");
    live.append("etc/b", "!");
    live.unlink("var/lib/x");
    live.rmdir("var/lib");
    live.mkdir("var/lib");
    live.write("var/lib/new", "n");
    live.rename("opt", "opt2");
    live.rename("top", "etc/top");
    live.mkdir("home");
    live.symlink("../etc", "home/link");

    LowerLayer asLayer = DirectoryLayer.scan(upper);
    Fs replay = new Fs(Union.open(new UnionConfig(List.of(l0, asLayer), Optional.empty(), true)));
    assertThat(snapshot(replay, "")).isEqualTo(snapshot(live, ""));
    assertThat(snapshot(live, ""))
        .containsKeys("etc/b", "var/lib/new", "opt2/o", "etc/top", "home/link")
        .doesNotContainKeys("etc/a", "var/lib/x", "opt", "top");
  }

  /** path -> type/mode/size/content for every entry below DIR. */
  private static TreeMap<String, String> snapshot(Fs fs, String dir) throws Exception {
    TreeMap<String, String> out = new TreeMap<>();
    List<String> todo = new ArrayList<>(List.of(dir));
    while (!todo.isEmpty()) {
      String d = todo.remove(todo.size() - 1);
      for (String name : fs.ls(d)) {
        String p = d.isEmpty() ? name : d + "/" + name;
        Attr a = fs.stat(p);
        String desc = Integer.toOctalString(a.mode()) + " " + a.uid() + ":" + a.gid();
        if (io.jdock.sys.FileMode.isDir(a.mode())) {
          todo.add(p);
        } else if (io.jdock.sys.FileMode.isRegular(a.mode())) {
          desc += " " + fs.read(p);
        } else {
          desc += " -> " + fs.fs.readlink(a.ino());
        }
        out.put(p, desc);
      }
    }
    return out;
  }
}
