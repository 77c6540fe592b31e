package io.jdock.union;

import io.jdock.sys.OpenFlags;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Path-based helpers over a {@link FileSystem}, so union tests read like shell sessions. */
final class Fs {
  static final Caller USER = new Caller(0, 0, 1);

  final FileSystem fs;

  Fs(FileSystem fs) {
    this.fs = fs;
  }

  long parentOf(String path) throws FsException {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? FileSystem.ROOT : ino(path.substring(0, slash));
  }

  static String nameOf(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  long ino(String path) throws FsException {
    return stat(path).ino();
  }

  Attr stat(String path) throws FsException {
    if (path.isEmpty()) {
      return fs.getattr(FileSystem.ROOT, -1);
    }
    return fs.lookup(USER, parentOf(path), nameOf(path));
  }

  boolean exists(String path) {
    try {
      stat(path);
      return true;
    } catch (FsException e) {
      if (e.errno() == Errno.ENOENT) {
        return false;
      }
      throw new AssertionError(e);
    }
  }

  List<String> ls(String path) throws FsException {
    long ino = path.isEmpty() ? FileSystem.ROOT : ino(path);
    long dh = fs.opendir(USER, ino);
    List<String> names = new ArrayList<>();
    for (DirEntry e : fs.readdir(ino, dh)) {
      if (!e.name().equals(".") && !e.name().equals("..")) {
        names.add(e.name());
      }
    }
    fs.releasedir(ino, dh);
    return names;
  }

  String read(String path) throws FsException {
    long ino = ino(path);
    long fh = fs.open(USER, ino, OpenFlags.O_RDONLY);
    try {
      return readHandle(ino, fh);
    } finally {
      fs.release(ino, fh);
    }
  }

  String readHandle(long ino, long fh) throws FsException {
    ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
    int n = fs.read(ino, fh, buf, 0);
    buf.flip();
    byte[] b = new byte[n];
    buf.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Writes CONTENT to PATH, creating it or truncating it (like {@code echo > path}). */
  void write(String path, String content) throws FsException {
    long ino;
    long fh;
    if (exists(path)) {
      ino = ino(path);
      fh = fs.open(USER, ino, OpenFlags.O_WRONLY | OpenFlags.O_TRUNC);
    } else {
      Opened o = fs.create(USER, parentOf(path), nameOf(path), 0644, 022, OpenFlags.O_WRONLY);
      ino = o.attr().ino();
      fh = o.fh();
    }
    writeHandle(ino, fh, 0, content);
    fs.release(ino, fh);
  }

  /** Appends CONTENT to an existing file (open O_WRONLY, write at the end). */
  void append(String path, String content) throws FsException {
    Attr a = stat(path);
    long fh = fs.open(USER, a.ino(), OpenFlags.O_WRONLY);
    writeHandle(a.ino(), fh, a.size(), content);
    fs.release(a.ino(), fh);
  }

  void writeHandle(long ino, long fh, long offset, String content) throws FsException {
    byte[] b = content.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.allocateDirect(Math.max(1, b.length));
    buf.put(b).flip();
    fs.write(USER, ino, fh, buf, offset);
  }

  void mkdir(String path) throws FsException {
    fs.mkdir(USER, parentOf(path), nameOf(path), 0755, 022);
  }

  void unlink(String path) throws FsException {
    fs.unlink(USER, parentOf(path), nameOf(path));
  }

  void rmdir(String path) throws FsException {
    fs.rmdir(USER, parentOf(path), nameOf(path));
  }

  void rename(String from, String to) throws FsException {
    rename(from, to, 0);
  }

  void rename(String from, String to, int flags) throws FsException {
    fs.rename(USER, parentOf(from), nameOf(from), parentOf(to), nameOf(to), flags);
  }

  void link(String existing, String newPath) throws FsException {
    fs.link(USER, ino(existing), parentOf(newPath), nameOf(newPath));
  }

  void symlink(String target, String path) throws FsException {
    fs.symlink(USER, parentOf(path), nameOf(path), target);
  }
}
