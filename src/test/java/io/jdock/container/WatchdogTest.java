package io.jdock.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WatchdogTest {
  private static Process sleeper(boolean ownSession) throws Exception {
    return (ownSession
            ? new ProcessBuilder("setsid", "sleep", "60")
            : new ProcessBuilder("sleep", "60"))
        .start();
  }

  @Test
  void whenJdockGoesWhileTheContainerStartsItsProcessGroupIsKilled() throws Exception {
    Process first = sleeper(true);
    try (Watchdog w = Watchdog.guard(first.pid())) {
      w.abandon();
      assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(first.exitValue()).isEqualTo(137);
    }
  }

  @Test
  void aFirstProcessThatLeadsNoGroupIsKilledItself() throws Exception {
    Process first = sleeper(false);
    try (Watchdog w = Watchdog.guard(first.pid())) {
      w.abandon();
      assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void onceToldTheInitItKillsThatOne() throws Exception {
    Process first = sleeper(true);
    Process init = sleeper(false);
    try (Watchdog w = Watchdog.guard(first.pid())) {
      w.watch(init.pid());
      w.abandon();
      assertThat(init.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(first.isAlive()).isTrue();
    } finally {
      first.destroyForcibly().waitFor();
    }
  }

  @Test
  void aNormalEndKillsNothing() throws Exception {
    Process first = sleeper(true);
    try {
      Watchdog.guard(first.pid()).close(); // returns once the watchdog is gone
      assertThat(first.isAlive()).isTrue();
    } finally {
      first.destroyForcibly().waitFor();
    }
  }
}
