package io.jdock.union;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many threads reading, copying up, creating and renaming at once lose nothing. */
class UnionConcurrencyTest {
  @TempDir Path tmp;

  @Test
  void concurrentCopyUpsCreatesAndRenamesStayConsistent() throws Exception {
    LayerBuilder b = new LayerBuilder(tmp.resolve("l0")).dir("d");
    int files = 200;
    for (int i = 0; i < files; i++) {
      b.file("d/f" + i, "v" + i);
    }
    LowerLayer l0 = b.build();
    Path upper = Files.createDirectory(tmp.resolve("upper"));
    Union union = Union.open(new UnionConfig(List.of(l0), Optional.of(upper), true));
    Fs fs = new Fs(union);
    fs.mkdir("out");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int worker = t;
      done.add(
          pool.submit(
              () -> {
                for (int i = worker; i < files; i += 8) {
                  fs.append("d/f" + i, "+" + i);
                  fs.read("d/f" + ((i + 1) % files));
                  fs.write("out/n" + i, "new" + i);
                  fs.rename("out/n" + i, "out/m" + i);
                  fs.ls("d");
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    for (int i = 0; i < files; i++) {
      assertThat(fs.read("d/f" + i)).isEqualTo("v" + i + "+" + i);
      assertThat(fs.read("out/m" + i)).isEqualTo("new" + i);
    }
    assertThat(fs.ls("out")).hasSize(files);
    Fs again = new Fs(Union.open(new UnionConfig(List.of(l0), Optional.of(upper), true)));
    assertThat(again.read("d/f" + (files - 1))).isEqualTo("v" + (files - 1) + "+" + (files - 1));
    assertThat(again.ls("out")).hasSize(files);
  }
}
