package io.jdock.archive;

import java.io.IOException;
import java.util.Optional;

/** The files of an archive by name: a tar read once, or a layout directory. */
interface ArchiveContents {
  /**
   * The regular file at {@code path}, resolved as docker does inside its extracted archive
   * (symlinks followed, {@code ..} and absolute targets kept inside the archive); empty if there is
   * none.
   */
  Optional<ArchiveFile> find(String path) throws IOException;

  /** The file at {@code path}, which {@code namedBy} (manifest.json, index.json...) refers to. */
  default ArchiveFile require(String path, String namedBy) throws IOException {
    return find(path)
        .orElseThrow(
            () ->
                new InvalidArchiveException(
                    "invalid archive: \"" + path + "\" named by " + namedBy + " is missing"));
  }
}
