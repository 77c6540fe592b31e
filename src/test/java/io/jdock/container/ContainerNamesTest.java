package io.jdock.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContainerNamesTest {
  private static final String ID = "0123456789ab".repeat(5) + "cdef";

  @Test
  void namesAreAnAdjectiveAndASurname() {
    ContainerNames names = new ContainerNames(new Random(1));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      String n = names.generate(0);
      assertThat(n).matches("[a-z]+_[a-z]+").isNotEqualTo("boring_wozniak");
      seen.add(n);
    }
    assertThat(seen.size()).isGreaterThan(400);
    assertThat(names.generate(1)).matches("[a-z]+_[a-z]+[0-9]");
  }

  /** A random source that yields the given indexes (then 0) and records the bounds asked. */
  private static final class Rigged extends Random {
    private final int[] values;
    private final java.util.List<Integer> bounds = new java.util.ArrayList<>();
    private int next;

    Rigged(int... values) {
      this.values = values;
    }

    @Override
    public int nextInt(int bound) {
      bounds.add(bound);
      return next < values.length ? Math.min(values[next++], bound - 1) : 0;
    }
  }

  @Test
  void dockersListsHave108AdjectivesAnd236Surnames() {
    Rigged last = new Rigged(Integer.MAX_VALUE, Integer.MAX_VALUE);
    assertThat(new ContainerNames(last).generate(0)).isEqualTo("zen_zhukovsky");
    assertThat(last.bounds).containsExactly(108, 236);
  }

  @Test
  void steveWozniakIsNotBoring() {
    // "boring" is adjective 10, "wozniak" surname 230 of docker's lists
    ContainerNames names = new ContainerNames(new Rigged(10, 230, 0, 0));
    assertThat(names.generate(0)).isEqualTo("admiring_agnesi");
    assertThat(new ContainerNames(new Rigged(10, 229)).generate(0)).isEqualTo("boring_wing");
  }

  @Test
  void takenNamesAreRetriedWithADigitThenTheShortIdIsUsed() {
    ContainerNames names = new ContainerNames(new Random(7));
    Set<String> taken = new HashSet<>();
    String first = names.pick(taken::contains, ID);
    assertThat(first).matches("[a-z]+_[a-z]+");
    assertThat(new ContainerNames(new Random(7)).pick(n -> !n.matches(".*[0-9]"), ID))
        .matches("[a-z]+_[a-z]+[0-9]");
    assertThat(names.pick(n -> true, ID)).isEqualTo("0123456789ab");
  }
}
