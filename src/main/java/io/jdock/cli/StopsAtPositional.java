package io.jdock.cli;

/**
 * Marks commands whose options end at the first positional argument ({@code run IMAGE ls -l}: the
 * {@code -l} is the command's), as docker's {@code SetInterspersed(false)}.
 */
interface StopsAtPositional {}
