package io.jdock.cli;

import io.jdock.oci.Digest;
import io.jdock.reference.ImageReference;
import io.jdock.reference.InvalidReferenceException;
import io.jdock.store.ImageStore;
import io.jdock.store.NoSuchImageException;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jdock tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]}: points a tag at an image, moving it from
 * any other image; prints nothing (reference doc section 1.7).
 */
@Command(
    name = "tag",
    description = "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]")
class TagCommand implements Callable<Integer> {
  private static final Pattern IMAGE_ID = Pattern.compile("[a-f0-9]{64}");

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SOURCE_IMAGE[:TAG]", description = "The image")
  String source;

  @Parameters(index = "1", paramLabel = "TARGET_IMAGE[:TAG]", description = "The new tag")
  String target;

  @Override
  public Integer call() throws IOException {
    checkSource();
    ImageReference ref = parseTarget();
    if (ref.digest().isPresent()) {
      throw new UserException("refusing to create a tag with a digest reference");
    }
    ref = ref.withDefaultTag();
    if (ref.familiarName().equals("sha256")) {
      throw new DaemonStyleError(
          "refusing to create an ambiguous tag using digest algorithm as name");
    }
    try (ImageStore store = Stores.open(spec)) {
      store.tag(store.get(source), ref);
    } catch (NoSuchImageException | InvalidReferenceException e) {
      throw new DaemonStyleError(e.getMessage());
    }
    return 0;
  }

  /** docker's client: the source must be an ID, a digest or a reference (ParseAnyReference). */
  private void checkSource() {
    if (IMAGE_ID.matcher(source).matches() || Digest.isValid(source)) {
      return;
    }
    try {
      ImageReference.parse(source);
    } catch (InvalidReferenceException e) {
      throw invalid(source, e);
    }
  }

  private ImageReference parseTarget() {
    try {
      return ImageReference.parse(target);
    } catch (InvalidReferenceException e) {
      throw invalid(target, e);
    }
  }

  /** docker 28's client text (older and newer clients write {@code error parsing}). */
  private static UserException invalid(String s, InvalidReferenceException e) {
    return new UserException(
        "Error parsing reference: \"" + s + "\" is not a valid repository/tag: " + e.getMessage());
  }
}
