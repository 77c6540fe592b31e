package io.jdock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the direction of dependencies between packages (DESIGN.md, "Packages and the direction of
 * dependencies") by reading the imports of every main source file.
 */
class ArchitectureTest {
  private static final Path SOURCES = Path.of("src/main/java/io/jdock");
  private static final Pattern IMPORT =
      Pattern.compile(
          "^import (?:static )?(io\\.jdock\\.\\w+|jnr|ru\\.serce)[.;]", Pattern.MULTILINE);
  private static final Pattern QUALIFIED = Pattern.compile("\\bio\\.jdock\\.(\\w+)\\.[A-Z]");

  /** For each package, the jdock packages it must never use. */
  private static final Map<String, Set<String>> NEVER =
      Map.ofEntries(
          Map.entry(
              "oci",
              Set.of(
                  "reference",
                  "registry",
                  "archive",
                  "store",
                  "layer",
                  "union",
                  "fuse",
                  "container",
                  "cli",
                  "sys")),
          Map.entry(
              "reference",
              Set.of("registry", "store", "archive", "layer", "union", "fuse", "container", "cli")),
          Map.entry(
              "registry", Set.of("store", "union", "fuse", "archive", "layer", "container", "cli")),
          Map.entry("archive", Set.of("registry", "fuse", "union", "container", "cli")),
          Map.entry("store", Set.of("registry", "union", "fuse", "archive", "container", "cli")),
          Map.entry(
              "layer", Set.of("union", "fuse", "store", "registry", "archive", "container", "cli")),
          Map.entry("union", Set.of("fuse", "store", "registry", "archive", "container", "cli")),
          Map.entry("fuse", Set.of("registry", "store", "archive", "container", "cli")),
          Map.entry(
              "sys",
              Set.of(
                  "oci",
                  "reference",
                  "registry",
                  "archive",
                  "store",
                  "layer",
                  "union",
                  "fuse",
                  "container",
                  "cli")),
          Map.entry("container", Set.of("cli")));

  /** Only these packages may touch jnr types. */
  private static final Set<String> JNR_ALLOWED = Set.of("sys", "fuse");

  @Test
  void packagesOnlyDependDownwards() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = SOURCES.relativize(f).getName(0).toString();
        String src = Files.readString(f);
        for (String used : usedPackages(src)) {
          if (used.equals("jnr") || used.equals("ru.serce")) {
            if (!JNR_ALLOWED.contains(pkg)) {
              violations.add(f + " uses jnr");
            }
          } else if (NEVER.getOrDefault(pkg, Set.of()).contains(used)) {
            violations.add(f + " (" + pkg + ") uses " + used);
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void theRuleTableCoversEveryPackage() throws IOException {
    try (Stream<Path> dirs = Files.list(SOURCES)) {
      List<String> packages =
          dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
      assertThat(packages).isNotEmpty();
      for (String p : packages) {
        if (!p.equals("cli")) {
          assertThat(NEVER).as("rules for package " + p).containsKey(p);
        }
      }
    }
  }

  /** SRC with the contents of its string literals removed (a plain scan: no regex recursion). */
  private static String withoutStrings(String src) {
    StringBuilder out = new StringBuilder(src.length());
    boolean inString = false;
    for (int i = 0; i < src.length(); i++) {
      char c = src.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
          out.append(c);
        }
      } else {
        if (c == '"') {
          inString = true;
        }
        if (c == '\'' && i + 2 < src.length()) {
          int close = src.indexOf('\'', i + 1 + (src.charAt(i + 1) == '\\' ? 2 : 1));
          if (close > 0 && close - i <= 8) {
            i = close;
            out.append("' '");
            continue;
          }
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  private static List<String> usedPackages(String src) {
    List<String> used = new ArrayList<>();
    Matcher m = IMPORT.matcher(src);
    while (m.find()) {
      String name = m.group(1);
      used.add(name.startsWith("io.jdock.") ? name.substring("io.jdock.".length()) : name);
    }
    // Qualified names in code count; those inside string literals (a class to launch) do not.
    String code = withoutStrings(src.replaceAll("(?m)^(package|import) .*$", ""));
    Matcher q = QUALIFIED.matcher(code);
    while (q.find()) {
      used.add(q.group(1));
    }
    return used;
  }
}
