package io.jdock.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreLockTest {
  @TempDir Path dir;

  @Test
  void oneInstancePerFile() {
    assertThat(StoreLock.of(dir.resolve("a"))).isSameAs(StoreLock.of(dir.resolve("x/../a")));
    assertThat(StoreLock.of(dir.resolve("a"))).isNotSameAs(StoreLock.of(dir.resolve("b")));
  }

  @Test
  void exclusiveHoldsAreMutuallyExclusiveAcrossThreads() throws Exception {
    StoreLock lock = StoreLock.of(dir.resolve("x.lock"));
    int[] counter = {0};
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      futures.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 500; i++) {
                  try (StoreLock.Held held = lock.exclusive()) {
                    int seen = counter[0];
                    Thread.yield();
                    counter[0] = seen + 1;
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    assertThat(counter[0]).isEqualTo(2000);
  }

  @Test
  void sharedHoldsCoexistAndKeepExclusiveOut() throws Exception {
    StoreLock lock = StoreLock.of(dir.resolve("gc.lock"));
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread other =
        new Thread(
            () -> {
              try (StoreLock.Held h = lock.shared()) {
                held.countDown();
                release.await();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    other.start();
    held.await();
    try (StoreLock.Held mine = lock.shared()) {
      assertThat(lock.tryExclusive()).isEmpty();
    }
    assertThat(lock.tryExclusive()).isEmpty();
    release.countDown();
    other.join();
    Optional<StoreLock.Held> exclusive = lock.tryExclusive();
    assertThat(exclusive).isPresent();
    exclusive.get().close();
  }

  @Test
  void exclusiveIsReentrantAndClosingTwiceReleasesOnce() throws Exception {
    StoreLock lock = StoreLock.of(dir.resolve("r.lock"));
    StoreLock.Held outer = lock.exclusive();
    StoreLock.Held inner = lock.exclusive();
    StoreLock.Held shared = lock.shared();
    shared.close();
    inner.close();
    inner.close();
    assertThat(otherThreadCanTakeExclusive(lock)).isFalse();
    outer.close();
    assertThat(otherThreadCanTakeExclusive(lock)).isTrue();
  }

  private static boolean otherThreadCanTakeExclusive(StoreLock lock) throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      return pool.submit(
              () -> {
                Optional<StoreLock.Held> held = lock.tryExclusive();
                held.ifPresent(StoreLock.Held::close);
                return held.isPresent();
              })
          .get();
    } finally {
      pool.shutdown();
    }
  }
}
