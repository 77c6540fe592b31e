/**
 * Images in and out of files: {@code docker save} archives of both generations (Docker &le; 24's
 * {@code <id>/layer.tar} and Docker 25+'s OCI layout plus {@code manifest.json}), plain OCI layouts
 * (as a tar or a directory), any of them gzip- or zstd-compressed, and {@code import} of a root
 * filesystem tar as a one-layer image (reference doc sections 1.8 and 3;
 * https://github.com/opencontainers/image-spec/blob/main/image-layout.md).
 *
 * <p>Public API: {@link io.jdock.archive.ImageLoader} ({@code load}), {@link
 * io.jdock.archive.ImageSaver} ({@code save}), {@link io.jdock.archive.ImageImporter} ({@code
 * import}), their results and {@link io.jdock.archive.InvalidArchiveException}. An archive is read
 * once, front to back, without seeking: blobs named by their digest stream straight into the store,
 * everything else is spooled to the store's temp dir until {@code manifest.json} or {@code
 * index.json} says what it is. Nothing is registered before every layer is verified and extracted,
 * so a refused archive leaves no image; entry names are never used as paths on disk.
 *
 * <p>Imports {@code oci}, {@code reference}, {@code store} and {@code layer} (compression, tar
 * reading); never registry, union, fuse, container or cli. Layer extraction comes in as a {@link
 * io.jdock.store.LayerUnpacker}.
 */
package io.jdock.archive;
