package io.jdock.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jdock completion bash}: prints a bash/zsh completion script for every command. */
@Command(
    name = "completion",
    description = {
      "Print a shell completion script (bash, also usable from zsh with bashcompinit).",
      "Use: source <(jdock completion bash)"
    },
    mixinStandardHelpOptions = true)
final class CompletionCommand implements Runnable {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "SHELL",
      defaultValue = "bash",
      description = "bash or zsh")
  String shell;

  @Override
  public void run() {
    if (!shell.equals("bash") && !shell.equals("zsh")) {
      throw new UserException("unsupported shell \"" + shell + "\": use bash or zsh");
    }
    spec.commandLine().getOut().print(AutoComplete.bash("jdock", spec.root().commandLine()));
    spec.commandLine().getOut().flush();
  }
}
