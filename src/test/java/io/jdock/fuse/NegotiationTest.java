package io.jdock.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NegotiationTest {
  private static final long EVERYTHING = 0xffff_ffffL & ~Abi.INIT_EXT;

  private static Negotiation.Agreed agree(int minor, long kernelFlags, boolean writeback) {
    Negotiation.Outcome o =
        Negotiation.negotiate(new Args.InitIn(7, minor, 131072, kernelFlags), 1 << 20, writeback);
    assertThat(o).isInstanceOf(Negotiation.Agreed.class);
    return (Negotiation.Agreed) o;
  }

  @Test
  void aNewerKernelGetsOurMinorAndExactlyTheWantedFlags() {
    Negotiation.Agreed a = agree(45, EVERYTHING, false);
    assertThat(a.reply().major()).isEqualTo(7);
    assertThat(a.reply().minor()).isEqualTo(Abi.MINOR_VERSION);
    assertThat(a.reply().flags()).isEqualTo(Negotiation.WANTED);
    assertThat(a.reply().flags() & Abi.WRITEBACK_CACHE).isZero();
    assertThat(a.reply().maxWrite()).isEqualTo(1 << 20);
    assertThat(a.reply().maxPages()).isEqualTo(256);
    assertThat(a.reply().maxReadahead()).isEqualTo(131072);
    assertThat(a.reply().timeGran()).isEqualTo(1);
    assertThat(a.connection().minor()).isEqualTo(40);
  }

  @Test
  void theWantedSetIsWhatJdockNeeds() {
    assertThat(Negotiation.WANTED)
        .isEqualTo(
            Abi.ASYNC_READ
                | Abi.ATOMIC_O_TRUNC
                | Abi.BIG_WRITES
                | Abi.DONT_MASK
                | Abi.DO_READDIRPLUS
                | Abi.READDIRPLUS_AUTO
                | Abi.PARALLEL_DIROPS
                | Abi.HANDLE_KILLPRIV
                | Abi.HANDLE_KILLPRIV_V2
                | Abi.MAX_PAGES
                | Abi.CACHE_SYMLINKS);
    assertThat(Negotiation.WANTED & (Abi.EXPORT_SUPPORT | Abi.POSIX_LOCKS | Abi.FLOCK_LOCKS))
        .isZero();
  }

  @Test
  void writebackCacheOnlyWhenAskedFor() {
    assertThat(agree(45, EVERYTHING, true).connection().has(Abi.WRITEBACK_CACHE)).isTrue();
    assertThat(agree(45, EVERYTHING, false).connection().has(Abi.WRITEBACK_CACHE)).isFalse();
  }

  @Test
  void anOlderKernelSetsTheMinorAndOnlyItsFlagsAreGranted() {
    long kernel = Abi.ASYNC_READ | Abi.BIG_WRITES | Abi.DO_READDIRPLUS | Abi.POSIX_LOCKS;
    Negotiation.Agreed a = agree(26, kernel, false);
    assertThat(a.connection().minor()).isEqualTo(26);
    assertThat(a.reply().flags()).isEqualTo(Abi.ASYNC_READ | Abi.BIG_WRITES | Abi.DO_READDIRPLUS);
    assertThat(a.reply().maxPages()).as("no MAX_PAGES").isZero();
  }

  @Test
  void initExtIsEchoedWhenTheKernelOffersIt() {
    long kernel = EVERYTHING | Abi.INIT_EXT | (1L << 37);
    Negotiation.Agreed a = agree(45, kernel, false);
    assertThat(a.reply().flags() & Abi.INIT_EXT).isNotZero();
    assertThat(a.reply().flags() >>> 32).as("no flags2 bits asked").isZero();
    assertThat(a.connection().has(Abi.INIT_EXT)).isFalse();
  }

  @Test
  void aNewerMajorIsAnsweredWithOursAndAwaitsAnotherInit() {
    Negotiation.Outcome o =
        Negotiation.negotiate(new Args.InitIn(8, 0, 0, EVERYTHING), 1 << 20, false);
    assertThat(o)
        .isInstanceOfSatisfying(
            Negotiation.AskAgain.class,
            a -> {
              assertThat(a.reply().major()).isEqualTo(7);
              assertThat(a.reply().minor()).isEqualTo(Abi.MINOR_VERSION);
            });
  }

  @ParameterizedTest
  @CsvSource({"6, 30", "7, 22", "7, 8"})
  void tooOldIsRefusedWithEproto(int major, int minor) {
    Negotiation.Outcome o =
        Negotiation.negotiate(new Args.InitIn(major, minor, 0, EVERYTHING), 1 << 20, false);
    assertThat(o)
        .isInstanceOfSatisfying(
            Negotiation.Refused.class,
            r -> {
              assertThat(r.errno()).isEqualTo(71);
              assertThat(r.reason()).contains(major + "." + minor).contains("7.23");
            });
  }

  @Test
  void maxPagesRoundsUp() {
    Negotiation.Agreed a =
        (Negotiation.Agreed)
            Negotiation.negotiate(new Args.InitIn(7, 45, 0, EVERYTHING), 128 * 1024 + 1, false);
    assertThat(a.reply().maxPages()).isEqualTo(33);
  }

  @Test
  void initOutLayout() {
    InitOut out =
        new InitOut(
            7, 40, 65536, Abi.ASYNC_READ | Abi.INIT_EXT | (1L << 33), 12, 9, 1 << 20, 1, 256);
    ByteBuffer b = ByteBuffer.allocate(100).order(ByteOrder.nativeOrder());
    for (int i = 0; i < 100; i++) {
      b.put(i, (byte) 0xff);
    }
    assertThat(out.encode(b, 16)).isEqualTo(64);
    Layout r = Layout.reader(b, 16);
    assertThat(r.u32()).isEqualTo(7);
    assertThat(r.u32()).isEqualTo(40);
    assertThat(r.u32()).isEqualTo(65536);
    assertThat(r.u32()).isEqualTo(Abi.ASYNC_READ | Abi.INIT_EXT);
    assertThat(r.u16()).as("max_background").isEqualTo(12);
    assertThat(r.u16()).as("congestion_threshold").isEqualTo(9);
    assertThat(r.u32()).as("max_write").isEqualTo(1 << 20);
    assertThat(r.u32()).as("time_gran").isEqualTo(1);
    assertThat(r.u16()).as("max_pages").isEqualTo(256);
    assertThat(r.u16()).as("map_alignment").isZero();
    assertThat(r.u32()).as("flags2").isEqualTo(2);
    for (int i = 36; i < 64; i += 4) {
      assertThat(r.u32()).as("unused").isZero();
    }
    assertThat(InitOut.decode(b, 16)).isEqualTo(out);
  }
}
