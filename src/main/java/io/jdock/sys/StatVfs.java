package io.jdock.sys;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** struct statvfs: block size, block and inode counts, name length limit. */
public record StatVfs(
    long bsize,
    long frsize,
    long blocks,
    long bfree,
    long bavail,
    long files,
    long ffree,
    long favail,
    long fsid,
    long flag,
    long namemax) {

  static final int SIZE = 112;

  static StatVfs decode(byte[] raw) {
    ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder());
    long[] v = new long[11];
    for (int i = 0; i < v.length; i++) {
      v[i] = b.getLong(i * 8);
    }
    return new StatVfs(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
  }
}
