package io.jdock.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.Digest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker's image listing (moby image_list.go): what is hidden, shared sizes, container counts. */
class ImageListingTest {
  @TempDir Path root;
  private ImageStore store;
  private ImageListing listing;

  @BeforeEach
  void open() throws IOException {
    store = ImageStore.open(StorePaths.of(root));
    listing = new ImageListing(store, Instant.now(), ZoneOffset.UTC);
  }

  @AfterEach
  void close() throws IOException {
    store.close();
  }

  private List<Digest> ids(boolean all, String... filters) throws Exception {
    return listing.list(all, ImageFilters.parse(List.of(filters)), false).stream()
        .map(s -> s.image().id())
        .toList();
  }

  @Test
  void intermediateImagesNeedAllAndAreNeverDangling() throws Exception {
    TestImages.Built parent = TestImages.add(store, "p", List.of(), "base");
    TestImages.Built child =
        TestImages.addWith(
            store,
            "c",
            List.of("c"),
            Map.of(ImageAnnotations.PARENT, parent.id().toString()),
            "base",
            "top");
    TestImages.Built dangling = TestImages.add(store, "d", List.of(), "d");

    assertThat(ids(false)).containsExactly(child.id(), dangling.id());
    assertThat(ids(true)).containsExactly(parent.id(), child.id(), dangling.id());
    assertThat(ids(true, "dangling=true")).containsExactly(dangling.id());
    assertThat(ids(true, "dangling=false")).containsExactly(child.id());
    assertThat(ids(true, "reference=*")).containsExactly(child.id());
  }

  @Test
  void sharedSizeCountsLayerStacksOtherImagesHaveToo() throws Exception {
    TestImages.Built a = TestImages.add(store, "a", List.of("a"), "base", "a-own");
    TestImages.Built b = TestImages.add(store, "b", List.of("b"), "base", "b-own!");
    // The same layer on another base is another stack: not shared.
    TestImages.Built c = TestImages.add(store, "c", List.of("c"), "other", "base");
    store
        .containers()
        .create(
            Records.container(
                store, Records.id('1'), "one", a, new ContainerState.Exited(0, null, null)));

    List<ImageSummary> summaries = listing.list(false, ImageFilters.none(), true);
    assertThat(summaries)
        .extracting(s -> s.image().id(), s -> s.sharedSize().getAsLong(), ImageSummary::containers)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(a.id(), (long) "base".length(), 1),
            org.assertj.core.groups.Tuple.tuple(b.id(), (long) "base".length(), 0),
            org.assertj.core.groups.Tuple.tuple(c.id(), 0L, 0));
    assertThat(listing.list(false, ImageFilters.none(), false))
        .allMatch(s -> s.sharedSize().isEmpty());
  }

  @Test
  void beforeAndSinceNameImagesThatMustExist() throws Exception {
    TestImages.add(store, "a", List.of("a"), "a");
    assertThatThrownBy(() -> ids(false, "before=nope"))
        .isInstanceOf(NoSuchImageException.class)
        .hasMessage("No such image: nope:latest");
    assertThatThrownBy(() -> ids(false, "since=sha256:" + "0".repeat(64)))
        .isInstanceOf(NoSuchImageException.class)
        .hasMessage("No such image: sha256:" + "0".repeat(64));
    assertThatThrownBy(() -> ids(false, "label!=a"))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessage("invalid filter 'label!'");
  }
}
