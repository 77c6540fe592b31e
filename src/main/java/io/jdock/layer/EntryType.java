package io.jdock.layer;

/** The kinds of layer entries; whiteouts and opaque markers are kinds of their own. */
public enum EntryType {
  REGULAR,
  DIRECTORY,
  SYMLINK,
  /** A hard link; {@link LayerEntry#linkTarget()} is the layer-relative path it links to. */
  HARDLINK,
  CHAR_DEVICE,
  BLOCK_DEVICE,
  FIFO,
  /** {@code dir/.wh.NAME}: hides {@code dir/NAME} in the layers below. */
  WHITEOUT,
  /** {@code dir/.wh..wh..opq}: hides every entry of {@code dir} in the layers below. */
  OPAQUE
}
