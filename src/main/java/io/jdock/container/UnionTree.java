package io.jdock.container;

import io.jdock.layer.EntryType;
import io.jdock.layer.LayerEntry;
import io.jdock.sys.FileMode;
import io.jdock.union.Attr;
import io.jdock.union.Caller;
import io.jdock.union.DirEntry;
import io.jdock.union.FileSystem;
import io.jdock.union.FsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A union's whole tree as layer entries, read in-process through the {@link FileSystem} API (no
 * mount): names sorted, parents first, a second name of a file as a hard link to the first, and the
 * content of each regular file readable by path. What {@code export} writes as a tar.
 */
final class UnionTree {
  private final FileSystem fs;
  private final List<LayerEntry> entries = new ArrayList<>();
  private final Map<String, Long> inodes = new HashMap<>();
  private final Map<Long, String> firstNames = new HashMap<>();

  private UnionTree(FileSystem fs) {
    this.fs = fs;
  }

  /** Walks FS from its root. */
  static UnionTree walk(FileSystem fs) throws IOException {
    UnionTree t = new UnionTree(fs);
    try {
      t.visit(FileSystem.ROOT, "");
    } catch (FsException e) {
      throw new IOException("reading the container's files: " + e.getMessage(), e);
    }
    return t;
  }

  List<LayerEntry> entries() {
    return entries;
  }

  /** The content of the regular file at PATH. */
  InputStream open(String path) throws IOException {
    long ino = inodes.get(path);
    try {
      long fh = fs.open(Caller.ROOT, ino, 0);
      return new UnionInput(fs, ino, fh);
    } catch (FsException e) {
      throw new IOException("reading " + path + ": " + e.getMessage(), e);
    }
  }

  private void visit(long dir, String rel) throws FsException {
    long dh = fs.opendir(Caller.ROOT, dir);
    List<DirEntry> listing;
    try {
      listing = new ArrayList<>(fs.readdir(dir, dh));
    } finally {
      fs.releasedir(dir, dh);
    }
    listing.sort(java.util.Comparator.comparing(DirEntry::name));
    for (DirEntry d : listing) {
      if (d.name().equals(".") || d.name().equals("..")) {
        continue;
      }
      String path = rel.isEmpty() ? d.name() : rel + "/" + d.name();
      Attr a = fs.lookup(Caller.ROOT, dir, d.name());
      entries.add(entry(path, a));
      if (FileMode.isDir(a.mode())) {
        visit(a.ino(), path);
      }
    }
  }

  private LayerEntry entry(String path, Attr a) throws FsException {
    EntryType type = typeOf(a.mode());
    String link = type == EntryType.SYMLINK ? fs.readlink(a.ino()) : null;
    if (type != EntryType.DIRECTORY && a.nlink() > 1) {
      String first = firstNames.putIfAbsent(a.ino(), path);
      if (first != null) {
        type = EntryType.HARDLINK;
        link = first;
      }
    }
    if (type == EntryType.REGULAR) {
      inodes.put(path, a.ino());
    }
    Map<String, byte[]> xattrs = new LinkedHashMap<>();
    for (String name : fs.listxattr(a.ino())) {
      xattrs.put(name, fs.getxattr(a.ino(), name));
    }
    boolean device = type == EntryType.CHAR_DEVICE || type == EntryType.BLOCK_DEVICE;
    return new LayerEntry(
        path,
        type,
        a.mode() & FileMode.PERMISSIONS,
        a.uid(),
        a.gid(),
        type == EntryType.REGULAR ? a.size() : 0,
        a.mtimeSec(),
        a.mtimeNsec(),
        link,
        device ? a.rdev() : 0,
        xattrs,
        true);
  }

  private static EntryType typeOf(int mode) {
    return switch (mode & FileMode.S_IFMT) {
      case FileMode.S_IFDIR -> EntryType.DIRECTORY;
      case FileMode.S_IFLNK -> EntryType.SYMLINK;
      case FileMode.S_IFCHR -> EntryType.CHAR_DEVICE;
      case FileMode.S_IFBLK -> EntryType.BLOCK_DEVICE;
      case FileMode.S_IFIFO -> EntryType.FIFO;
      default -> EntryType.REGULAR;
    };
  }

  /** A regular file of the union as a stream. */
  private static final class UnionInput extends InputStream {
    private final FileSystem fs;
    private final long ino;
    private final long fh;
    private long offset;

    UnionInput(FileSystem fs, long ino, long fh) {
      this.fs = fs;
      this.ino = ino;
      this.fh = fh;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        int n = fs.read(ino, fh, ByteBuffer.wrap(b, off, len), offset);
        if (n <= 0) {
          return -1;
        }
        offset += n;
        return n;
      } catch (FsException e) {
        throw new IOException(e.getMessage(), e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        fs.release(ino, fh);
      } catch (FsException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
  }
}
