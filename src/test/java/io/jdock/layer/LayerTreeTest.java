package io.jdock.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.InvalidContentException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayerTreeTest {
  static LayerEntry entry(String path, EntryType type, String link) {
    return new LayerEntry(path, type, 0644, 0, 0, 3, 0, 0, link, 0, Map.of(), true);
  }

  static LayerTree tree(LayerEntry... entries) {
    LayerTree tree = new LayerTree();
    for (LayerEntry e : entries) {
      tree.put(e);
    }
    return tree;
  }

  @Test
  void startsWithTheImplicitRoot() {
    assertThat(new LayerTree().entries()).isEmpty();
  }

  @Test
  void missingParentsComeTopDown() throws Exception {
    LayerTree t = tree(entry("a", EntryType.DIRECTORY, null));
    assertThat(t.missingParents("x", "a/b/c/d")).containsExactly("a/b", "a/b/c");
    assertThat(t.missingParents("x", "a/f")).isEmpty();
    assertThat(t.missingParents("x", "top")).isEmpty();
  }

  @Test
  void aParentThatIsAFileOrSymlinkIsRefused() {
    LayerTree t = tree(entry("f", EntryType.REGULAR, null), entry("l", EntryType.SYMLINK, "/"));
    assertThatThrownBy(() -> t.missingParents("f/x/y", "f/x/y"))
        .isInstanceOf(InvalidContentException.class)
        .hasMessage("invalid layer entry \"f/x/y\": parent \"f\" is not a directory");
    assertThatThrownBy(() -> t.missingParents("l/x", "l/x"))
        .isInstanceOf(UnsafeLayerException.class)
        .hasMessage("unsafe layer entry \"l/x\": parent \"l\" is a symlink");
  }

  @Test
  void removingADirectoryRemovesItsSubtreeOnly() {
    LayerTree t =
        tree(
            entry("a", EntryType.DIRECTORY, null),
            entry("a/x", EntryType.REGULAR, null),
            entry("a/y", EntryType.DIRECTORY, null),
            entry("a/y/z", EntryType.REGULAR, null),
            entry("a-b", EntryType.REGULAR, null),
            entry("a0", EntryType.REGULAR, null),
            entry("ab", EntryType.REGULAR, null));
    t.remove("a");
    assertThat(t.entries()).extracting(LayerEntry::path).containsExactly("a-b", "a0", "ab");
  }

  @Test
  void survivingHardLinksInheritTheRemovedInode() {
    LayerEntry owner = entry("d/file", EntryType.REGULAR, null);
    LayerTree t = tree(entry("d", EntryType.DIRECTORY, null), owner);
    t.put(LayerTree.hardLink(owner, "l1"));
    t.put(LayerTree.hardLink(owner, "d/l2"));
    t.put(LayerTree.hardLink(owner, "l3"));
    t.remove("d");
    List<LayerEntry> left = t.entries();
    assertThat(left).extracting(LayerEntry::path).containsExactly("l1", "l3");
    assertThat(left.get(0).type()).isEqualTo(EntryType.REGULAR);
    assertThat(left.get(0).size()).isEqualTo(3);
    assertThat(left.get(1).linkTarget()).isEqualTo("l1");
    assertThat(t.contentSize()).isEqualTo(3);
    // The heir's own links move with it: removing it promotes the next one.
    t.remove("l1");
    assertThat(t.entries().get(0).path()).isEqualTo("l3");
    assertThat(t.entries().get(0).type()).isEqualTo(EntryType.REGULAR);
  }

  @Test
  void linksResolveToTheInodeOwner() throws Exception {
    LayerEntry owner = entry("f", EntryType.REGULAR, null);
    LayerTree t = tree(owner);
    t.put(LayerTree.hardLink(owner, "g"));
    t.put(LayerTree.moved(entry("h", EntryType.HARDLINK, null), "h", "lower/x", false));
    assertThat(t.resolveLink("n", "n", "g")).isEqualTo(new LayerTree.LinkTarget("f", true));
    assertThat(t.resolveLink("n", "n", "h")).isEqualTo(new LayerTree.LinkTarget("lower/x", false));
    assertThat(t.resolveLink("n", "n", "nowhere/y"))
        .isEqualTo(new LayerTree.LinkTarget("nowhere/y", false));
  }

  @Test
  void contentSizeCountsFilesOnceAndSymlinkTargets() {
    LayerEntry owner = entry("f", EntryType.REGULAR, null);
    LayerTree t = tree(owner, entry("s", EntryType.SYMLINK, "tärget"));
    t.put(LayerTree.hardLink(owner, "g"));
    assertThat(t.contentSize()).isEqualTo(3 + 7);
  }
}
