package io.jdock.fuse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes and reads C structs field by field, in declaration order, so that tests state the layout
 * of include/uapi/linux/fuse.h independently of the code under test.
 */
final class Layout {
  private final ByteBuffer buf;

  private Layout(ByteBuffer buf) {
    this.buf = buf;
  }

  /** A writer into a fresh native-order buffer. */
  static Layout writer() {
    return new Layout(ByteBuffer.allocate(1 << 16).order(ByteOrder.nativeOrder()));
  }

  /** A reader of {@code b} starting at {@code offset}. */
  static Layout reader(ByteBuffer b, int offset) {
    ByteBuffer view = b.duplicate().order(ByteOrder.nativeOrder());
    view.position(offset);
    return new Layout(view);
  }

  Layout u16(int v) {
    buf.putShort((short) v);
    return this;
  }

  Layout u32(long v) {
    buf.putInt((int) v);
    return this;
  }

  Layout u64(long v) {
    buf.putLong(v);
    return this;
  }

  /** A NUL-terminated UTF-8 string. */
  Layout str(String s) {
    buf.put(s.getBytes(StandardCharsets.UTF_8)).put((byte) 0);
    return this;
  }

  Layout raw(byte[] bytes) {
    buf.put(bytes);
    return this;
  }

  /** The bytes written so far. */
  byte[] bytes() {
    byte[] out = new byte[buf.position()];
    buf.get(0, out);
    return out;
  }

  /** The bytes written so far, in a direct buffer at offset {@code at} (like a request buffer). */
  ByteBuffer at(int at) {
    ByteBuffer b =
        ByteBuffer.allocateDirect(at + buf.position() + 64).order(ByteOrder.nativeOrder());
    b.put(at, bytes());
    return b;
  }

  int u16() {
    return Short.toUnsignedInt(buf.getShort());
  }

  long u32() {
    return Integer.toUnsignedLong(buf.getInt());
  }

  int s32() {
    return buf.getInt();
  }

  long u64() {
    return buf.getLong();
  }

  String str(int length) {
    byte[] b = new byte[length];
    buf.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  Layout skip(int n) {
    buf.position(buf.position() + n);
    return this;
  }

  int position() {
    return buf.position();
  }
}
