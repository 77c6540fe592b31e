package io.jdock.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.layer.EntryType;
import io.jdock.layer.LayerReader;
import io.jdock.oci.ContainerConfig;
import io.jdock.store.ContainerRecord;
import io.jdock.store.ImageStore;
import io.jdock.store.StorePaths;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerExportTest {
  @TempDir Path tmp;

  @Test
  void theMergedTreeOfImageAndUpperDirWithoutWhiteoutsOrJdocksNames() throws Exception {
    try (ImageStore store = ImageStore.open(StorePaths.of(tmp.resolve("store")))) {
      Path l1 = Files.createDirectories(tmp.resolve("l1"));
      Files.createDirectories(l1.resolve("etc"));
      Files.writeString(l1.resolve("etc/motd"), "hello\n");
      Files.writeString(l1.resolve("etc/issue"), "v1\n");
      Files.writeString(l1.resolve("big"), "x".repeat(100_000));
      Files.createLink(l1.resolve("hard"), l1.resolve("big"));
      Files.createSymbolicLink(l1.resolve("link"), Path.of("etc/issue"));
      TestImage.add(store, "img", ContainerConfig.EMPTY.withCmd(List.of("sh")), l1);
      Containers containers = new Containers(store);
      ContainerRecord r = containers.create(ContainersTest.request("img", Optional.of("exp")));
      Files.createDirectories(r.upperDir().resolve("etc"));
      Files.createFile(r.upperDir().resolve("etc/.wh.motd"));
      Files.writeString(r.upperDir().resolve("etc/issue"), "v2\n");
      Files.writeString(r.upperDir().resolve("new"), "added\n");
      Files.createFile(r.upperDir().resolve(".wh..wh.jdock-tmp.7"));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ContainerExport.write(store, r, out);
      Map<String, String> files = new LinkedHashMap<>();
      Map<String, EntryType> types = new LinkedHashMap<>();
      try (LayerReader reader = new LayerReader(new ByteArrayInputStream(out.toByteArray()))) {
        for (Optional<LayerReader.Item> i; (i = reader.next()).isPresent(); ) {
          String name = i.get().entry().path();
          types.put(name, i.get().entry().type());
          if (i.get().entry().type() == EntryType.REGULAR) {
            files.put(name, new String(reader.content().readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
      assertThat(types.keySet())
          .containsExactly(
              "big",
              "dev",
              "etc",
              "etc/hostname",
              "etc/hosts",
              "etc/issue",
              "etc/resolv.conf",
              "hard",
              "link",
              "new",
              "proc",
              "sys");
      assertThat(files.get("etc/issue")).isEqualTo("v2\n");
      assertThat(files.get("new")).isEqualTo("added\n");
      assertThat(files.get("big")).hasSize(100_000);
      assertThat(types.get("hard")).isEqualTo(EntryType.HARDLINK);
      assertThat(types.get("link")).isEqualTo(EntryType.SYMLINK);
    }
  }
}
