package io.jdock.store;

import io.jdock.reference.ImageReference;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

/** A separate JVM acting on a store, for the multi-process tests ({@link StoreProcessTest}). */
public final class StoreWorker {
  private StoreWorker() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[1]);
    try (ImageStore store = ImageStore.open(StorePaths.of(root))) {
      switch (args[0]) {
        case "tag" -> tag(store, args[2], Integer.parseInt(args[3]));
        case "hold-lock" -> {
          StoreLock.Held held = store.storeLock().exclusive();
          System.out.println("locked");
          Thread.sleep(Long.MAX_VALUE);
          held.close();
        }
        case "lease" -> {
          StoreLock.Held lease = store.leaseContent();
          System.out.println("leased " + store.temp().dir());
          Thread.sleep(Long.MAX_VALUE);
          lease.close();
        }
        case "write-loop" -> writeLoop(store);
        default -> throw new IllegalArgumentException(args[0]);
      }
    }
  }

  /**
   * Tags the image {@code base} as {@code localhost/<worker>:<i>}, untags every third tag again,
   * and every tenth iteration registers an image of its own.
   */
  private static void tag(ImageStore store, String worker, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      Image base = store.find("base").orElseThrow();
      ImageReference ref = ImageReference.parse("localhost/" + worker + ":" + i);
      store.tag(base, ref);
      if (i % 3 == 0) {
        store.untag(ref);
      }
      if (i % 10 == 0) {
        TestImages.add(
            store, worker + "-" + i, List.of("localhost/" + worker + "-own:" + i), "l" + i);
      }
    }
    System.out.println("done");
  }

  /** Writes blobs and registers images without end, reporting each iteration. */
  private static void writeLoop(ImageStore store) throws Exception {
    Random random = new Random();
    for (int i = 0; ; i++) {
      byte[] layer = new byte[256 * 1024];
      random.nextBytes(layer);
      try (StoreLock.Held lease = store.leaseContent()) {
        store.blobs().put(new ByteArrayInputStream(layer), Optional.empty(), OptionalLong.empty());
        TestImages.Built built = TestImages.store(store, "loop" + i + random.nextLong(), "x" + i);
        store.addImage(
            built.manifest(), List.of(ImageReference.parse("localhost/loop:" + i)), Map.of());
      }
      System.out.println("iteration " + i);
    }
  }
}
