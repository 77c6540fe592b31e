package io.jdock.cli;

import io.jdock.container.ImagePusher;
import io.jdock.container.RegistryAccess;
import io.jdock.reference.ImageReference;
import io.jdock.registry.progress.ProgressRenderer;
import io.jdock.store.ImageStore;
import io.jdock.store.NoSuchImageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jdock push [OPTIONS] NAME[:TAG]}: uploads a tagged image of the store with docker's
 * output; every failure is reported in the progress stream, as docker prints it (no daemon prefix).
 * With {@code -q} only the reference is printed, once pushed.
 */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock push [OPTIONS] NAME[:TAG]",
    description = "Upload an image to a registry")
class PushCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-a", "--all-tags"},
      description = "Push all tags of an image to the repository")
  boolean allTags;

  @Option(
      names = {"-q", "--quiet"},
      description = "Suppress verbose output")
  boolean quiet;

  @Parameters(paramLabel = "NAME[:TAG]", description = "The image to push")
  String name;

  @Override
  public Integer call() throws IOException {
    ImageReference ref = PullCommand.parse(name);
    if (allTags && !ref.isNameOnly()) {
      throw new UserException("tag can't be used with --all-tags/-a");
    }
    RegistryAccess access = RegistryErrors.access(spec, OptionalInt.empty());
    PrintWriter out = spec.commandLine().getOut();
    ProgressRenderer renderer =
        quiet
            ? ProgressRenderer.plain(new PrintWriter(Writer.nullWriter()))
            : ProgressOutput.forStdout(out, false);
    try (ImageStore store = Stores.open(spec)) {
      ImagePusher pusher = new ImagePusher(access.registries(), store);
      if (allTags) {
        pusher.pushAllTags(ref, e -> renderer.accept(e.line()));
      } else {
        pusher.push(ref, e -> renderer.accept(e.line()));
      }
    } catch (NoSuchImageException e) {
      throw new UserException(e.getMessage());
    } catch (IOException e) {
      throw RegistryErrors.of(e, true);
    }
    if (quiet) {
      out.println(allTags ? ref.toString() : ref.withDefaultTag().toString());
      out.flush();
    }
    return 0;
  }
}
