/**
 * Orchestration: mounts and containers, and images moving between registries and the store. Wires
 * the image store, the layers' TOCs, the union and the FUSE binding into mount servers (background
 * processes that serve one mount each), and runs containers on their own union mounts. {@link
 * io.jdock.container.ImagePuller} and {@link io.jdock.container.ImagePusher} implement the registry
 * package's sink and source interfaces on top of the store.
 *
 * <p>A container ({@link io.jdock.container.Containers}) is an image, an upper dir, an init layer
 * and a record in the store. One jdock process runs it, as docker's conmon would: the foreground
 * {@code jdock run}, or a background monitor ({@code container-monitor}). That process serves the
 * rootfs by FUSE, starts the container with the host's util-linux ({@code unshare}, {@code
 * setpriv}, {@code script}; nothing of the image is needed), takes the mount off the host once the
 * container's namespaces hold it, records the container running and then exited, and holds the
 * container's owner lock meanwhile. A watchdog shell kills the container if that process dies.
 *
 * <p>May import every package but {@code cli}.
 */
package io.jdock.container;
