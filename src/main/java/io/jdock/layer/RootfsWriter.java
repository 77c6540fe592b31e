package io.jdock.layer;

import io.jdock.oci.InvalidContentException;
import io.jdock.sys.Errno;
import io.jdock.sys.ErrnoException;
import io.jdock.sys.ExtendedAttributes;
import io.jdock.sys.FileMode;
import io.jdock.sys.Posix;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * Creates layer entries in a rootfs directory, never following a symlink: new names are created
 * with calls that do not follow (O_CREAT|O_EXCL|O_NOFOLLOW, mkdir, mknod, symlink, link) and
 * attributes are set with lchown/lutimens/lsetxattr, or chmod on what was just created. Parents are
 * known to be real directories ({@link LayerTree} checked them).
 *
 * <p>Privileged (root): owners, all 12 mode bits, device nodes and every xattr namespace.
 * Unprivileged: no chown, devices become empty 0600 placeholders, files stay u+rw and directories
 * u+rwx, and only {@code user.*} xattrs are set; the TOC keeps the image's real attributes.
 */
final class RootfsWriter {
  /** setxattr failures that mean "this filesystem or user cannot store it": the TOC has it. */
  private static final Set<Integer> XATTR_NOT_STORABLE =
      Set.of(Errno.EOPNOTSUPP, Errno.EPERM, Errno.EACCES, Errno.EINVAL, Errno.E2BIG, Errno.ERANGE);

  private static final int BUFFER = 1 << 20;
  private static final int PAGE = 4096;
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_READ_WRITE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private final Path root;
  private final String rootString;
  private final boolean privileged;
  private final byte[] buffer = new byte[BUFFER];

  RootfsWriter(Path root, boolean privileged) {
    this.root = root;
    this.rootString = root.toString();
    this.privileged = privileged;
  }

  /** Gives the (empty) rootfs the implicit root's owner. */
  void prepareRoot() throws IOException {
    if (privileged) {
      Posix.lchown(rootString, 0, 0);
    }
  }

  /** A parent directory the tar does not list; its mode and times are set by finishDirectory. */
  void createImplicitDirectory(String path) throws IOException {
    String abs = abs(path);
    Posix.mkdir(abs, 0700);
    if (privileged) {
      Posix.lchown(abs, 0, 0);
    }
  }

  /** Creates a new entry (not a hard link) at a path that does not exist yet. */
  void create(LayerEntry e, InputStream content, boolean sparse) throws IOException {
    String abs = abs(e.path());
    switch (e.type()) {
      case DIRECTORY -> {
        // Owner-writable until finishDirectory, so its content can go in.
        Posix.mkdir(abs, 0700);
        own(abs, e);
        setXattrs(abs, e.xattrs());
      }
      case REGULAR -> {
        writeFile(e, content, sparse);
        finish(abs, e, fileMode(e));
      }
      case SYMLINK -> {
        Posix.symlink(e.linkTarget(), abs);
        own(abs, e);
        setXattrs(abs, e.xattrs());
        times(abs, e);
      }
      case CHAR_DEVICE, BLOCK_DEVICE -> createDevice(abs, e);
      case FIFO -> {
        Posix.mknod(abs, FileMode.S_IFIFO | 0600, 0);
        finish(abs, e, fileMode(e));
      }
      case WHITEOUT, OPAQUE -> {
        emptyFile(e.path());
        times(abs, e);
      }
      case HARDLINK -> throw new IllegalArgumentException("hard links are linked, not created");
    }
  }

  /** A hard link at {@code path} to the inode at {@code target} (linkat does not follow). */
  void link(String target, String path) throws IOException {
    Posix.link(abs(target), abs(path));
  }

  /** A directory entry over an existing directory: its owner and xattrs win. */
  void mergeDirectory(LayerEntry old, LayerEntry e) throws IOException {
    String abs = abs(e.path());
    own(abs, e);
    for (String name : old.xattrs().keySet()) {
      if (!e.xattrs().containsKey(name) && settable(name)) {
        try {
          ExtendedAttributes.lremove(abs, name);
        } catch (ErrnoException ex) {
          if (ex.errno() != Errno.ENODATA && !XATTR_NOT_STORABLE.contains(ex.errno())) {
            throw ex;
          }
        }
      }
    }
    setXattrs(abs, e.xattrs());
  }

  /** Removes what is at {@code path}, a whole tree for a directory, never following links. */
  void remove(String path, boolean directory) throws IOException {
    if (!directory) {
      Posix.unlink(abs(path));
      return;
    }
    Files.walkFileTree(
        root.resolve(path),
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** A directory's mode and times, set once everything inside it is written. */
  void finishDirectory(LayerEntry e) throws IOException {
    String abs = abs(e.path());
    Posix.chmod(abs, privileged ? e.mode() : e.mode() | 0700);
    times(abs, e);
  }

  private void createDevice(String abs, LayerEntry e) throws IOException {
    if (!privileged) {
      emptyFile(e.path());
      setXattrs(abs, e.xattrs());
      times(abs, e);
      return;
    }
    int kind = e.type() == EntryType.CHAR_DEVICE ? FileMode.S_IFCHR : FileMode.S_IFBLK;
    Posix.mknod(abs, kind | 0600, e.rdev());
    finish(abs, e, e.mode());
  }

  /** Owner, then mode (chown clears setuid/setgid), then xattrs, then times. */
  private void finish(String abs, LayerEntry e, int mode) throws IOException {
    own(abs, e);
    Posix.chmod(abs, mode);
    setXattrs(abs, e.xattrs());
    times(abs, e);
  }

  private void writeFile(LayerEntry e, InputStream content, boolean sparse) throws IOException {
    long written = 0;
    try (FileChannel ch = createFile(e.path())) {
      int n;
      while ((n = content.read(buffer)) > 0) {
        if (sparse) {
          writeSkippingZeros(ch, n);
        } else {
          writeFully(ch, ByteBuffer.wrap(buffer, 0, n));
        }
        written += n;
      }
      if (ch.size() < written) {
        ch.write(ByteBuffer.wrap(new byte[1]), written - 1);
      }
    }
    if (written != e.size()) {
      throw new InvalidContentException(
          "invalid layer entry \""
              + e.path()
              + "\": "
              + written
              + " bytes of content, the header says "
              + e.size());
    }
  }

  /** A new 0600 file, opened O_CREAT|O_EXCL|O_NOFOLLOW: an existing name or a symlink fails. */
  private FileChannel createFile(String path) throws IOException {
    return FileChannel.open(
        root.resolve(path),
        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
        OWNER_READ_WRITE);
  }

  private void emptyFile(String path) throws IOException {
    createFile(path).close();
  }

  /** Writes a chunk of a sparse file, leaving its all-zero pages as holes. */
  private void writeSkippingZeros(FileChannel ch, int length) throws IOException {
    for (int off = 0; off < length; off += PAGE) {
      int n = Math.min(PAGE, length - off);
      if (isZero(buffer, off, n)) {
        ch.position(ch.position() + n);
      } else {
        writeFully(ch, ByteBuffer.wrap(buffer, off, n));
      }
    }
  }

  private static void writeFully(FileChannel ch, ByteBuffer chunk) throws IOException {
    while (chunk.hasRemaining()) {
      ch.write(chunk);
    }
  }

  private static boolean isZero(byte[] buf, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (buf[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private int fileMode(LayerEntry e) {
    return privileged ? e.mode() : e.mode() | 0600;
  }

  private void own(String abs, LayerEntry e) throws IOException {
    if (privileged) {
      Posix.lchown(abs, e.uid(), e.gid());
    }
  }

  private boolean settable(String name) {
    return privileged || name.startsWith("user.");
  }

  private void setXattrs(String abs, Map<String, byte[]> xattrs) throws IOException {
    for (Map.Entry<String, byte[]> x : xattrs.entrySet()) {
      if (!settable(x.getKey())) {
        continue;
      }
      try {
        ExtendedAttributes.lset(abs, x.getKey(), x.getValue(), 0);
      } catch (ErrnoException ex) {
        if (!XATTR_NOT_STORABLE.contains(ex.errno())) {
          throw ex;
        }
      }
    }
  }

  private static void times(String abs, LayerEntry e) throws IOException {
    Posix.lutimens(abs, e.mtimeSec(), e.mtimeNsec(), e.mtimeSec(), e.mtimeNsec());
  }

  private String abs(String path) {
    return path.isEmpty() ? rootString : rootString + "/" + path;
  }
}
