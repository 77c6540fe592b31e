package io.jdock.container;

import io.jdock.oci.ContainerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How docker combines an image's config with the options of {@code run}: the user's command
 * replaces {@code Cmd}; {@code --entrypoint} replaces {@code Entrypoint} and drops the image's
 * {@code Cmd}; {@code -e} values replace or remove variables of the image's {@code Env}; {@code -w}
 * and {@code -u} replace {@code WorkingDir} and {@code User} (moby daemon/create.go merge, opts
 * ValidateEnv, ReplaceOrAppendEnvValues).
 */
public final class ContainerConfigs {
  /** docker's default PATH, given to containers whose environment has none. */
  public static final String DEFAULT_PATH =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private ContainerConfigs() {}

  /** The effective config and the command line that runs ({@code Path} + {@code Args}). */
  public record Resolved(ContainerConfig config, List<String> command) {}

  /**
   * Combines IMAGE's config with REQ. {@code hostEnv} answers {@code -e KEY} without a value.
   *
   * @throws IllegalArgumentException with docker's message for a relative working dir or when
   *     nothing is left to run ({@code no command specified})
   */
  public static Resolved merge(
      ContainerConfig image, CreateRequest req, Function<String, String> hostEnv) {
    ContainerConfig c = image;
    List<String> entrypoint = image.entrypoint() == null ? List.of() : image.entrypoint();
    List<String> cmd = req.command().isEmpty() ? nullToEmpty(image.cmd()) : req.command();
    if (req.entrypoint().isPresent()) {
      String e = req.entrypoint().get();
      entrypoint = e.isEmpty() ? List.of() : List.of(e);
      if (!e.isEmpty()) {
        cmd = req.command();
      }
    }
    c = c.withEntrypoint(entrypoint.isEmpty() ? null : entrypoint);
    c = c.withCmd(cmd.isEmpty() ? null : cmd);
    c = c.withEnv(replaceOrAppend(image.env(), resolveEnv(req.env(), hostEnv)));
    if (req.workdir().isPresent()) {
      String w = req.workdir().get();
      if (!w.startsWith("/")) {
        throw new IllegalArgumentException(
            "the working directory '" + w + "' is invalid, it needs to be an absolute path");
      }
      c = c.withWorkingDir(w);
    }
    if (req.user().isPresent()) {
      c = c.withUser(req.user().get());
    }
    List<String> command = new ArrayList<>(entrypoint);
    command.addAll(cmd);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("no command specified");
    }
    return new Resolved(c, List.copyOf(command));
  }

  private static List<String> nullToEmpty(List<String> l) {
    return l == null ? List.of() : l;
  }

  /** {@code KEY} alone becomes {@code KEY=value} when jdock's environment has KEY. */
  static List<String> resolveEnv(List<String> values, Function<String, String> hostEnv) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      if (v.isEmpty() || v.startsWith("=")) {
        throw new IllegalArgumentException("invalid environment variable: " + v);
      }
      if (v.indexOf('=') < 0 && hostEnv.apply(v) != null) {
        out.add(v + "=" + hostEnv.apply(v));
      } else {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * docker's ReplaceOrAppendEnvValues: each {@code KEY=value} replaces KEY or is appended; a bare
   * {@code KEY} removes it.
   */
  public static List<String> replaceOrAppend(List<String> defaults, List<String> overrides) {
    List<String> env = new ArrayList<>(defaults);
    for (String o : overrides) {
      int eq = o.indexOf('=');
      String key = eq < 0 ? o : o.substring(0, eq);
      int at = indexOfKey(env, key);
      if (eq < 0) {
        if (at >= 0) {
          env.remove(at);
        }
      } else if (at >= 0) {
        env.set(at, o);
      } else {
        env.add(o);
      }
    }
    return env;
  }

  private static int indexOfKey(List<String> env, String key) {
    for (int i = 0; i < env.size(); i++) {
      String e = env.get(i);
      int eq = e.indexOf('=');
      if ((eq < 0 ? e : e.substring(0, eq)).equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The environment a container's process gets: {@code PATH} (docker's default when the config has
   * none), {@code HOSTNAME}, {@code TERM=xterm} with a terminal, the config's {@code Env}, and
   * {@code HOME} from the user's passwd entry unless set.
   */
  public static List<String> processEnv(
      List<String> configEnv, String hostname, boolean tty, String home) {
    List<String> base = new ArrayList<>();
    if (indexOfKey(configEnv, "PATH") < 0) {
      base.add("PATH=" + DEFAULT_PATH);
    }
    base.add("HOSTNAME=" + hostname);
    if (tty) {
      base.add("TERM=xterm");
    }
    List<String> env = replaceOrAppend(base, configEnv);
    if (indexOfKey(env, "HOME") < 0) {
      env.add("HOME=" + home);
    }
    return env;
  }

  /** The value of KEY in ENV. */
  public static Optional<String> get(List<String> env, String key) {
    int at = indexOfKey(env, key);
    if (at < 0) {
      return Optional.empty();
    }
    String e = env.get(at);
    int eq = e.indexOf('=');
    return Optional.of(eq < 0 ? "" : e.substring(eq + 1));
  }
}
