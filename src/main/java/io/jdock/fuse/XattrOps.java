package io.jdock.fuse;

import static io.jdock.fuse.Reply.PAYLOAD;

import io.jdock.union.Errno;
import io.jdock.union.FileSystem;
import io.jdock.union.FsException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * SETXATTR, GETXATTR, LISTXATTR and REMOVEXATTR. GETXATTR and LISTXATTR follow the size probe of
 * getxattr(2): size 0 asks for the length (fuse_getxattr_out), a too small size is ERANGE.
 */
final class XattrOps {
  private final FileSystem fs;

  XattrOps(FileSystem fs) {
    this.fs = fs;
  }

  int getxattr(Request r, ByteBuffer out) throws FsException {
    Args.GetxattrIn in = Args.GetxattrIn.decode(r.buffer(), Request.args());
    String name = r.string(Request.args() + Args.GetxattrIn.SIZE);
    return sized(fs.getxattr(r.nodeId(), name), in.size(), out);
  }

  /** The names, each followed by a NUL, as listxattr(2) returns them. */
  int listxattr(Request r, ByteBuffer out) throws FsException {
    Args.GetxattrIn in = Args.GetxattrIn.decode(r.buffer(), Request.args());
    ByteArrayOutputStream names = new ByteArrayOutputStream();
    for (String name : fs.listxattr(r.nodeId())) {
      names.writeBytes(name.getBytes(StandardCharsets.UTF_8));
      names.write(0);
    }
    return sized(names.toByteArray(), in.size(), out);
  }

  int setxattr(Request r) throws FsException {
    Args.SetxattrIn in = Args.SetxattrIn.decode(r.buffer(), Request.args());
    int at = Request.args() + Args.SetxattrIn.SIZE;
    String name = r.string(at);
    byte[] value = r.bytes(r.afterString(at), in.size());
    fs.setxattr(r.caller(), r.nodeId(), name, value, in.flags());
    return 0;
  }

  int removexattr(Request r) throws FsException {
    fs.removexattr(r.caller(), r.nodeId(), r.string(Request.args()));
    return 0;
  }

  private static int sized(byte[] value, int size, ByteBuffer out) throws FsException {
    if (size == 0) {
      return Replies.size(out, PAYLOAD, value.length);
    }
    if (value.length > size || value.length > Abi.XATTR_SIZE_MAX) {
      throw new FsException(value.length > Abi.XATTR_SIZE_MAX ? Errno.E2BIG : Errno.ERANGE);
    }
    out.put(PAYLOAD, value);
    return value.length;
  }
}
