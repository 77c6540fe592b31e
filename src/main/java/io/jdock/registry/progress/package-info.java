/**
 * docker's progress display (docker/cli pkg/jsonmessage): one line per message, a per-layer line
 * rewritten in place on a terminal with the 50-character {@code [==> ]} bar and {@code
 * units.HumanSize} sizes, and byte-progress lines suppressed when stdout is not a terminal.
 *
 * <p>Imports nothing else of jdock; pull and push events turn themselves into {@link
 * io.jdock.registry.progress.ProgressLine}s.
 */
package io.jdock.registry.progress;
