package io.jdock.sys;

import java.lang.ref.Reference;
import java.util.OptionalInt;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * A connected pair of Unix stream sockets and the receiving side of file-descriptor passing
 * (SCM_RIGHTS, unix(7)), as fusermount3 uses to hand over an open {@code /dev/fuse}.
 */
public final class UnixSockets {
  private static final int AF_UNIX = 1;
  private static final int SOCK_STREAM = 1;
  private static final int SOCK_CLOEXEC = 02000000;
  private static final int SOL_SOCKET = 1;
  private static final int SCM_RIGHTS = 1;
  private static final int MSG_CMSG_CLOEXEC = 0x40000000;

  // struct msghdr, struct iovec and struct cmsghdr on LP64 Linux (x86_64 and aarch64).
  private static final int MSGHDR_SIZE = 56;
  private static final int MSG_IOV = 16;
  private static final int MSG_IOVLEN = 24;
  private static final int MSG_CONTROL = 32;
  private static final int MSG_CONTROLLEN = 40;
  private static final int CMSG_HEADER = 16;
  private static final int CMSG_SPACE_ONE_FD = 24;

  private UnixSockets() {}

  /** socketpair(2) of AF_UNIX stream sockets, both close-on-exec. */
  public static int[] pair() throws ErrnoException {
    int[] fds = new int[2];
    Posix.check(Posix.LIBC.socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), "socketpair");
    return fds;
  }

  /**
   * Receives one message and the file descriptor it carries (close-on-exec); empty when the peer
   * closed the socket or sent no descriptor.
   */
  public static OptionalInt receiveFd(int socket) throws ErrnoException {
    jnr.ffi.Runtime runtime = Posix.RUNTIME;
    Pointer data = Memory.allocateDirect(runtime, 8);
    Pointer iov = Memory.allocateDirect(runtime, 16);
    iov.putAddress(0, data.address());
    iov.putLong(8, 8);
    Pointer control = Memory.allocateDirect(runtime, CMSG_SPACE_ONE_FD, true);
    Pointer msg = Memory.allocateDirect(runtime, MSGHDR_SIZE, true);
    msg.putAddress(MSG_IOV, iov.address());
    msg.putLong(MSG_IOVLEN, 1);
    msg.putAddress(MSG_CONTROL, control.address());
    msg.putLong(MSG_CONTROLLEN, CMSG_SPACE_ONE_FD);
    long n;
    do {
      n = Posix.LIBC.recvmsg(socket, msg, MSG_CMSG_CLOEXEC);
    } while (n < 0 && Posix.errno() == Errno.EINTR);
    // The message header only holds raw addresses of these buffers.
    Reference.reachabilityFence(data);
    Reference.reachabilityFence(iov);
    if (n < 0) {
      throw new ErrnoException(Posix.errno(), "recvmsg");
    }
    boolean hasFd =
        msg.getLong(MSG_CONTROLLEN) >= CMSG_HEADER + 4
            && control.getInt(8) == SOL_SOCKET
            && control.getInt(12) == SCM_RIGHTS;
    return hasFd ? OptionalInt.of(control.getInt(CMSG_HEADER)) : OptionalInt.empty();
  }
}
