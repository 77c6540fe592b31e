package io.jdock.fuse;

import java.nio.ByteBuffer;

/**
 * struct fuse_init_out (64 bytes since 7.23): the server's side of the INIT handshake. {@code
 * flags} holds all 64 flag bits; the upper half travels in flags2.
 */
record InitOut(
    int major,
    int minor,
    int maxReadahead,
    long flags,
    int maxBackground,
    int congestionThreshold,
    int maxWrite,
    int timeGran,
    int maxPages) {

  int encode(ByteBuffer b, int off) {
    b.putInt(off, major);
    b.putInt(off + 4, minor);
    b.putInt(off + 8, maxReadahead);
    b.putInt(off + 12, (int) flags);
    b.putShort(off + 16, (short) maxBackground);
    b.putShort(off + 18, (short) congestionThreshold);
    b.putInt(off + 20, maxWrite);
    b.putInt(off + 24, timeGran);
    b.putShort(off + 28, (short) maxPages);
    b.putShort(off + 30, (short) 0);
    b.putInt(off + 32, (int) (flags >>> 32));
    for (int i = 36; i < Abi.INIT_OUT_SIZE; i += 4) {
      b.putInt(off + i, 0);
    }
    return Abi.INIT_OUT_SIZE;
  }

  static InitOut decode(ByteBuffer b, int off) {
    long flags =
        Integer.toUnsignedLong(b.getInt(off + 12))
            | Integer.toUnsignedLong(b.getInt(off + 32)) << 32;
    return new InitOut(
        b.getInt(off),
        b.getInt(off + 4),
        b.getInt(off + 8),
        flags,
        Short.toUnsignedInt(b.getShort(off + 16)),
        Short.toUnsignedInt(b.getShort(off + 18)),
        b.getInt(off + 20),
        b.getInt(off + 24),
        Short.toUnsignedInt(b.getShort(off + 28)));
  }
}
