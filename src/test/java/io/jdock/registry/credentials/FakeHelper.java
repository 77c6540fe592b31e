package io.jdock.registry.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a tiny {@code docker-credential-<name>} shell script that keeps entries as files. */
public final class FakeHelper {
  private FakeHelper() {}

  public static Path install(Path dir, String name) throws IOException {
    Path script = dir.resolve("docker-credential-" + name);
    String store = dir.resolve("store-" + name).toString();
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "dir='"
            + store
            + "'\n"
            + "mkdir -p \"$dir\"\n"
            + "key() { printf %s \"$1\" | md5sum | cut -c1-32; }\n"
            + "case \"$1\" in\n"
            + "get) url=$(cat); f=\"$dir/$(key \"$url\")\";\n"
            + "  if [ -f \"$f\" ]; then cat \"$f\"; else echo 'credentials not found in native keychain'; exit 1; fi;;\n"
            + "store) json=$(cat); url=$(printf %s \"$json\" | sed 's/.*\"ServerURL\":\"\\([^\"]*\\)\".*/\\1/');\n"
            + "  printf %s \"$json\" > \"$dir/$(key \"$url\")\";;\n"
            + "erase) url=$(cat); f=\"$dir/$(key \"$url\")\";\n"
            + "  if [ -f \"$f\" ]; then rm \"$f\"; else echo 'credentials not found in native keychain'; exit 1; fi;;\n"
            + "*) echo \"unknown action $1\"; exit 2;;\n"
            + "esac\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }
}
