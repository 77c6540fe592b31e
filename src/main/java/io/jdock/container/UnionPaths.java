package io.jdock.container;

import io.jdock.union.Attr;
import io.jdock.union.Caller;
import io.jdock.union.FileSystem;
import io.jdock.union.FsException;
import java.util.Optional;

/** Looks names up by path in a union, in-process (no mount): lstat-like, symlinks not followed. */
final class UnionPaths {
  private UnionPaths() {}

  /** The attributes of PATH ({@code a/b}, relative to the root), if it exists. */
  static Optional<Attr> lookup(FileSystem fs, String path) throws FsException {
    long ino = FileSystem.ROOT;
    Attr attr = fs.getattr(ino, 0);
    for (String name : path.split("/")) {
      if (name.isEmpty()) {
        continue;
      }
      try {
        attr = fs.lookup(Caller.ROOT, ino, name);
      } catch (FsException e) {
        return Optional.empty();
      }
      ino = attr.ino();
    }
    return Optional.of(attr);
  }
}
