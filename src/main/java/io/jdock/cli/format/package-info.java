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
 *
 * <p>The template engine follows Go's text/template file by file: {@code Lexer} (with {@code
 * LexCursor} and {@code ActionItems}) is {@code lex.go}; {@code Parser} (with {@code Lookahead},
 * {@code PipelineParser}, {@code Numbers}) builds the {@code Node} tree as {@code parse.go}; {@code
 * Exec} walks it and {@code Eval} evaluates pipelines as {@code exec.go} (with {@code ArgTypes},
 * {@code Variables}, {@code ExecPosition}); {@code Builtins}, {@code Comparisons} and {@code
 * Escapers} are {@code funcs.go}, {@code DockerFuncs} docker's additions; values print through
 * {@code GoFmt}, {@code GoPrintf} and {@code FmtDirective} ({@code fmt}), {@code GoFloat}, {@code
 * GoQuote} ({@code strconv}) and {@code GoJson} ({@code encoding/json}).
 */
package io.jdock.cli.format;
