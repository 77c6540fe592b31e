/**
 * The image store: the OCI image layout on disk (blobs, index.json with one entry per reference),
 * jdock's extracted layers (shared by diff_id), container and mount records, locks, per-process
 * temp space and garbage collection. {@link io.jdock.store.StorePaths} is the one class that knows
 * every path; {@link io.jdock.store.ImageStore} is the entry point; {@link
 * io.jdock.store.ImageRemover} implements docker's rmi and prune rules, {@link
 * io.jdock.store.ImageListing} docker's image listing and its filters.
 *
 * <p>Writes go temp file, verify, fsync, atomic rename; shared files change under a file lock; a
 * process killed at any point leaves a store the next one opens without error
 * (https://github.com/opencontainers/image-spec/blob/main/image-layout.md).
 *
 * <p>Imports {@code oci}, {@code reference}, {@code sys} and the {@code layer} value types ({@code
 * LayerInfo}); layer extraction itself comes in through {@link io.jdock.store.LayerUnpacker}. Never
 * imports registry, archive, union, fuse, container or cli.
 */
package io.jdock.store;
