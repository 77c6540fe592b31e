package io.jdock.cli;

import io.jdock.container.ImagePuller;
import io.jdock.container.RegistryAccess;
import io.jdock.oci.Platform;
import io.jdock.reference.ImageReference;
import io.jdock.reference.InvalidReferenceException;
import io.jdock.registry.progress.ProgressRenderer;
import io.jdock.registry.pull.PullEvent;
import io.jdock.registry.pull.PullException;
import io.jdock.registry.pull.PullRequest;
import io.jdock.store.ImageStore;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jdock pull [OPTIONS] NAME[:TAG|@DIGEST]}: downloads an image into the store with docker's
 * output and messages (reference section 1.2). {@code --max-concurrent-downloads} is dockerd's
 * setting, offered here because there is no daemon to set it on.
 */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock pull [OPTIONS] NAME[:TAG|@DIGEST]",
    description = "Download an image from a registry")
class PullCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-a", "--all-tags"},
      description = "Download all tagged images in the repository")
  boolean allTags;

  @Option(
      names = "--platform",
      paramLabel = "string",
      description = "Set platform if server is multi-platform capable")
  String platform;

  @Option(
      names = {"-q", "--quiet"},
      description = "Suppress verbose output")
  boolean quiet;

  @Option(
      names = "--max-concurrent-downloads",
      paramLabel = "int",
      description = "Maximum concurrent downloads (default 3)")
  Integer maxConcurrentDownloads;

  @Parameters(paramLabel = "NAME[:TAG|@DIGEST]", description = "The image to pull")
  String name;

  @Override
  public Integer call() throws IOException {
    ImageReference ref = parse(name);
    PullRequest request = new PullRequest(ref, platform(), allTags);
    RegistryAccess access = RegistryErrors.access(spec, concurrency());
    ProgressRenderer renderer = ProgressOutput.forStdout(spec.commandLine().getOut(), quiet);
    AtomicBoolean streaming = new AtomicBoolean();
    try (ImageStore store = Stores.open(spec)) {
      new ImagePuller(access.registries(), store)
          .pull(
              request,
              e -> {
                if (e instanceof PullEvent.PullingFrom) {
                  streaming.set(true);
                }
                renderer.accept(e.line());
              });
    } catch (PullException e) {
      throw e.fromDaemon()
          ? new DaemonStyleError(e.getMessage())
          : new UserException(e.getMessage());
    } catch (IOException e) {
      throw RegistryErrors.of(e, streaming.get());
    }
    return 0;
  }

  static ImageReference parse(String name) {
    try {
      return ImageReference.parse(name);
    } catch (InvalidReferenceException e) {
      throw new UserException(e.getMessage());
    }
  }

  private Optional<Platform> platform() {
    if (platform == null || platform.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Platform.parse(platform));
    } catch (IllegalArgumentException e) {
      throw new DaemonStyleError(e.getMessage());
    }
  }

  private OptionalInt concurrency() {
    if (maxConcurrentDownloads == null) {
      return OptionalInt.empty();
    }
    if (maxConcurrentDownloads < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "invalid argument \""
              + maxConcurrentDownloads
              + "\" for \"--max-concurrent-downloads\" flag: must be at least 1");
    }
    return OptionalInt.of(maxConcurrentDownloads);
  }
}
