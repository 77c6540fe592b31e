package io.jdock.union;

import io.jdock.layer.Whiteouts;
import io.jdock.sys.Errno;
import io.jdock.sys.ErrnoException;
import io.jdock.sys.OpenFlags;
import io.jdock.sys.Posix;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The writable upper directory, addressed by mount-relative paths. Whiteouts and opaque markers are
 * written in OCI form ({@code .wh.NAME}, {@code .wh..wh..opq}) so the directory is itself a valid
 * layer. New content is prepared in an unnamed O_TMPFILE (or, where the file system lacks it, a
 * hidden {@code .wh..wh.jdock-tmp.*} name that the next mount removes) and then linked into place,
 * so a crash never leaves a half-copied file under a visible name.
 */
final class UpperDir {
  /** Prefix of temporary names; a {@code .wh..wh.} name is AUFS metadata that OCI tools ignore. */
  static final String TMP_PREFIX = ".wh..wh.jdock-tmp.";

  /** The empty file, in the work dir, that every whiteout and opaque marker is a hard link of. */
  static final String SHARED_MARKER = "whiteout";

  final String root;
  private final String work;
  private volatile boolean tmpfileWorks = true;
  private volatile String sharedMarker;
  private volatile boolean sharing;

  /**
   * The upper dir ROOT; its union's own files go to WORK (none: markers are files of their own).
   */
  UpperDir(Path root, Optional<Path> work) {
    this.root = root.toAbsolutePath().normalize().toString();
    this.work = work.map(w -> w.toAbsolutePath().normalize().toString()).orElse(null);
    this.sharing = this.work != null;
  }

  String abs(String rel) {
    return rel.isEmpty() ? root : root + "/" + rel;
  }

  void createWhiteout(String dirRel, String name) throws ErrnoException {
    createMarker(abs(Tree.child(dirRel, Whiteouts.markerFor(name))));
  }

  void removeWhiteout(String dirRel, String name) throws ErrnoException {
    unlinkIfExists(abs(Tree.child(dirRel, Whiteouts.markerFor(name))));
  }

  void markOpaque(String dirRel) throws ErrnoException {
    createMarker(abs(Tree.child(dirRel, Whiteouts.OPAQUE)));
  }

  /**
   * Creates an empty marker file, where it can as another name of one shared empty file in the work
   * dir, as kernel overlayfs shares one whiteout inode: a new inode per whiteout, freed again when
   * its directory goes, makes ext4's inode allocation scan its recently freed inodes, which made
   * {@code rm -rf} of a large lower tree several times slower. The marker is still an empty regular
   * file named {@code .wh.*}, and the shared file is outside the upper dir, which stays a clean
   * layer. Without a work dir on the upper dir's file system, each marker is a file of its own.
   */
  private void createMarker(String path) throws ErrnoException {
    for (int attempt = 0; sharing && attempt < 3; attempt++) {
      String shared = sharedMarker();
      if (shared == null) {
        break;
      }
      try {
        Posix.link(shared, path);
        return;
      } catch (ErrnoException e) {
        switch (e.errno()) {
          case Errno.EEXIST -> {
            return;
          }
          case Errno.EMLINK, Errno.ENOENT -> newSharedMarker(shared);
          case Errno.EXDEV -> sharing = false;
          default -> {
            createEmpty(path);
            return;
          }
        }
      }
    }
    createEmpty(path);
  }

  /** The shared file (made on first use), or null when the work dir cannot hold it. */
  private String sharedMarker() {
    String shared = sharedMarker;
    if (shared == null) {
      shared = work + "/" + SHARED_MARKER;
      try {
        Files.createDirectories(Path.of(work));
        createEmpty(shared);
      } catch (IOException e) {
        sharing = false;
        return null;
      }
      sharedMarker = shared;
    }
    return shared;
  }

  /** The shared file is full (EMLINK) or gone: start a new one under the same name. */
  private synchronized void newSharedMarker(String full) throws ErrnoException {
    if (!full.equals(sharedMarker)) {
      return;
    }
    String fresh = full + "." + Long.toHexString(ThreadLocalRandom.current().nextLong());
    createEmpty(fresh);
    Posix.rename(fresh, full, 0);
  }

  private static void createEmpty(String path) throws ErrnoException {
    try {
      int fd =
          Posix.open(
              path,
              OpenFlags.O_CREAT
                  | OpenFlags.O_EXCL
                  | OpenFlags.O_WRONLY
                  | OpenFlags.O_NOFOLLOW
                  | OpenFlags.O_CLOEXEC,
              0644);
      Posix.close(fd);
    } catch (ErrnoException e) {
      if (e.errno() != Errno.EEXIST) {
        throw e;
      }
    }
  }

  static void unlinkIfExists(String path) throws ErrnoException {
    try {
      Posix.unlink(path);
    } catch (ErrnoException e) {
      if (e.errno() != Errno.ENOENT) {
        throw e;
      }
    }
  }

  /** Removes the hidden {@code .wh.*} files of an upper directory so that it can be removed. */
  void clearHidden(String dirRel) throws ErrnoException {
    for (String name : list(dirRel)) {
      if (Whiteouts.isReserved(name)) {
        String p = abs(Tree.child(dirRel, name));
        if (Posix.lstat(p).isDir()) {
          removeTree(p);
        } else {
          Posix.unlink(p);
        }
      }
    }
  }

  /** The names in an upper directory. */
  List<String> list(String dirRel) throws ErrnoException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of(abs(dirRel)))) {
      for (Path p : ds) {
        names.add(p.getFileName().toString());
      }
    } catch (IOException e) {
      throw new ErrnoException(Errno.EIO, "list " + abs(dirRel) + ": " + e.getMessage());
    }
    return names;
  }

  /** Removes a real directory tree (used for hidden work dirs only; never follows links). */
  static void removeTree(String path) throws ErrnoException {
    if (Posix.lstat(path).isDir()) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of(path))) {
        for (Path p : ds) {
          removeTree(p.toString());
        }
      } catch (IOException e) {
        throw new ErrnoException(Errno.EIO, "list " + path + ": " + e.getMessage());
      }
      Posix.rmdir(path);
    } else {
      Posix.unlink(path);
    }
  }

  /** A new, nameless regular file in the upper file system, ready to be filled. */
  TmpFile newTmp(int mode) throws ErrnoException {
    if (tmpfileWorks) {
      try {
        int fd =
            Posix.open(root, OpenFlags.O_TMPFILE | OpenFlags.O_RDWR | OpenFlags.O_CLOEXEC, mode);
        return new TmpFile(fd, null);
      } catch (ErrnoException e) {
        if (e.errno() != Errno.EOPNOTSUPP
            && e.errno() != Errno.EISDIR
            && e.errno() != Errno.EINVAL) {
          throw e;
        }
        tmpfileWorks = false;
      }
    }
    String name = abs(TMP_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    int fd =
        Posix.open(
            name,
            OpenFlags.O_CREAT
                | OpenFlags.O_EXCL
                | OpenFlags.O_RDWR
                | OpenFlags.O_NOFOLLOW
                | OpenFlags.O_CLOEXEC,
            mode);
    return new TmpFile(fd, name);
  }

  /** Gives a filled temporary file its final name; fails with EEXIST if the name is taken. */
  void install(TmpFile tmp, String rel) throws ErrnoException {
    String target = abs(rel);
    if (tmp.path() == null) {
      Posix.linkFd(tmp.fd(), target);
    } else {
      Posix.rename(tmp.path(), target, OpenFlags.RENAME_NOREPLACE);
    }
  }

  /** Removes leftovers of an interrupted copy-up (named temporary files in the upper root). */
  void removeLeftovers() throws ErrnoException {
    for (String name : list("")) {
      if (name.startsWith(TMP_PREFIX)) {
        removeTree(abs(name));
      }
    }
  }

  /** A temporary file: its descriptor, and its path when it has a name. */
  record TmpFile(int fd, String path) {
    void discard() {
      Posix.closeQuietly(fd);
      if (path != null) {
        try {
          unlinkIfExists(path);
        } catch (ErrnoException ignored) {
          // best effort: the next mount removes leftovers
        }
      }
    }
  }
}
