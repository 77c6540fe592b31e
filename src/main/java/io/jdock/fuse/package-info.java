/**
 * The FUSE binding: serves an {@link io.jdock.union.FileSystem} by speaking the FUSE kernel
 * protocol (include/uapi/linux/fuse.h, protocol 7.23 to 7.40) directly on {@code /dev/fuse}, in
 * pure Java, with worker threads that read requests into reused direct buffers and answer each with
 * one write(2). No libfuse: mounting is mount(2) as root or the fusermount3 helper otherwise.
 *
 * <p>Pieces: {@link io.jdock.fuse.FuseMount} and {@link io.jdock.fuse.MountOptions} (the public
 * API); the codec ({@code Abi}, {@code Opcode}, {@code Args}, {@code Replies}, {@code InitOut},
 * {@code Negotiation}); request dispatch ({@code Dispatcher} and the {@code *Ops} handlers, which
 * map every failure to an errno at this one boundary); serving ({@code Session}, {@code Worker});
 * mounting ({@code Mounter}, {@code KernelMounter}, {@code Fusermount}, {@code MountTarget}, {@code
 * MountTable}). No union logic lives here.
 *
 * <p>Why not jnr-fuse's libfuse 2 binding (the design's first idea): libfuse 2.9 speaks protocol
 * 7.19, which has no READDIRPLUS, no FOPEN_CACHE_DIR (the kernel could not cache listings, so every
 * warm walk would cross into Java), no parallel directory operations, no RENAME2 flags and at most
 * 128 KiB requests; its high-level API is path-based (a path string built under a global lock per
 * call) and every callback is an upcall that attaches a native thread to the JVM. Speaking the
 * protocol directly needs only downcalls (read, write, mount), through jnr-ffi, jnr-fuse's own FFI
 * layer, and makes all of those available.
 *
 * <p>Imports {@code union} (the FileSystem API) and {@code sys} (the libc calls); never registry or
 * store internals. The only package besides {@code sys} allowed to import jnr, though it needs
 * none.
 */
package io.jdock.fuse;
