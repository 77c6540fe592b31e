package io.jdock.fuse;

/**
 * The INIT handshake (include/uapi/linux/fuse.h, "Version negotiation"): the protocol minor is the
 * smaller of the kernel's and {@link Abi#MINOR_VERSION}, and the granted flags are those both sides
 * support.
 */
final class Negotiation {
  /** The flags jdock asks for; WRITEBACK_CACHE is added when the mount options ask for it. */
  static final long WANTED =
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
          | Abi.CACHE_SYMLINKS;

  private static final int PAGE = 4096;
  private static final int EPROTO = 71;

  private Negotiation() {}

  /** The outcome of one INIT request. */
  sealed interface Outcome {}

  /** Both sides agree: reply {@code reply} and serve with {@code connection}. */
  record Agreed(InitOut reply, Connection connection) implements Outcome {}

  /** The kernel speaks a newer major: reply ours and wait for another INIT. */
  record AskAgain(InitOut reply) implements Outcome {}

  /** The kernel is too old: reply {@code errno} and give up; {@code reason} is for the user. */
  record Refused(int errno, String reason) implements Outcome {}

  static Outcome negotiate(Args.InitIn in, int maxWrite, boolean writebackCache) {
    if (in.major() > Abi.KERNEL_VERSION) {
      return new AskAgain(new InitOut(Abi.KERNEL_VERSION, Abi.MINOR_VERSION, 0, 0, 0, 0, 0, 0, 0));
    }
    if (in.major() < Abi.KERNEL_VERSION || in.minor() < Abi.MIN_MINOR_VERSION) {
      return new Refused(
          EPROTO,
          "the kernel speaks FUSE "
              + in.major()
              + "."
              + in.minor()
              + "; jdock needs 7."
              + Abi.MIN_MINOR_VERSION
              + " or newer (Linux 3.15+)");
    }
    long wanted = WANTED | (writebackCache ? Abi.WRITEBACK_CACHE : 0);
    long granted = wanted & in.flags();
    long replied = granted | (in.flags() & Abi.INIT_EXT);
    int maxPages = (granted & Abi.MAX_PAGES) != 0 ? (maxWrite + PAGE - 1) / PAGE : 0;
    int minor = Math.min(in.minor(), Abi.MINOR_VERSION);
    InitOut out =
        new InitOut(
            Abi.KERNEL_VERSION,
            Abi.MINOR_VERSION,
            in.maxReadahead(),
            replied,
            0,
            0,
            maxWrite,
            1,
            maxPages);
    return new Agreed(out, new Connection(minor, granted, maxWrite));
  }
}
