package io.jdock.fuse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs a command line tool and collects its exit status and output, for tests. */
final class Shell {
  record Result(int status, String out, String err) {
    Result ok() {
      if (status != 0) {
        throw new AssertionError("exit " + status + ": " + err + out);
      }
      return this;
    }
  }

  private Shell() {}

  static Result run(String... command) {
    return run(List.of(command));
  }

  static Result run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).start();
      p.getOutputStream().close();
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
      String out = read(p.getInputStream());
      return new Result(p.waitFor(), out, err.join());
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** {@code sh -c script}. */
  static Result sh(String script) {
    return run("sh", "-c", script);
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
