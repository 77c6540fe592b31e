/**
 * {@code jdock pull}: resolves a reference at the registry (mirrors first), downloads the config
 * and up to N layers at once into a {@link io.jdock.registry.pull.BlobSink} with digest and size
 * verified while streaming and broken downloads resumed by Range, hands layers in order to a {@link
 * io.jdock.registry.pull.LayerHandler} so extraction overlaps downloading, and reports docker's
 * progress as {@link io.jdock.registry.pull.PullEvent}s (moby
 * daemon/internal/distribution/pull_v2.go, xfer/download.go; reference section 1.2).
 *
 * <p>Imports {@code registry}, {@code registry.progress}, {@code oci} and {@code reference}; the
 * store implements the sink interfaces.
 */
package io.jdock.registry.pull;
