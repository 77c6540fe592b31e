/**
 * Output formatting of the CLI, byte for byte as docker prints it: Go templates for {@code
 * --format} ({@link io.jdock.cli.format.GoTemplate}), aligned tables ({@link
 * io.jdock.cli.format.TabWriter}), docker's units and Go's time strings ({@link
 * io.jdock.cli.format.Units}), list output with headers ({@link io.jdock.cli.format.TableFormat})
 * and {@code inspect} output ({@link io.jdock.cli.format.Inspector}).
 *
 * <p>Commands hand over plain Java values (maps, lists, strings, numbers; see {@link
 * io.jdock.cli.format.GoValues}); errors come back as {@link io.jdock.cli.format.FormatException}
 * carrying docker's text and exit status. See reference/docker-cli-oci.md sections 1.4, 1.6 and
 * 1.11. Imports nothing of jdock.
 */
package io.jdock.cli.format;
