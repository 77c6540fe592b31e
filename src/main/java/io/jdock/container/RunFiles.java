package io.jdock.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files a container gets at {@code /etc/hostname}, {@code /etc/hosts} and {@code
 * /etc/resolv.conf}: made for each start in the container's run dir and bind-mounted, never written
 * into its upper dir (so {@code diff} and {@code commit} do not see them). jdock's containers share
 * the host's network, so the resolver is the host's.
 */
final class RunFiles {
  static final String HOSTNAME = "hostname";
  static final String HOSTS = "hosts";
  static final String RESOLV_CONF = "resolv.conf";

  private static final String DEFAULT_HOSTS =
      """
      127.0.0.1\tlocalhost
      ::1\tlocalhost ip6-localhost ip6-loopback
      fe00::0\tip6-localnet
      ff00::0\tip6-mcastprefix
      ff02::1\tip6-allnodes
      ff02::2\tip6-allrouters
      """;

  private static final String FALLBACK_RESOLV = "nameserver 8.8.8.8\nnameserver 8.8.4.4\n";

  private RunFiles() {}

  /** Writes the three files into DIR; returns each with the container path it is mounted at. */
  static List<Bind> write(Path dir, String hostname, Path hostResolvConf) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(HOSTNAME), hostname + "\n");
    Files.writeString(dir.resolve(HOSTS), DEFAULT_HOSTS + "127.0.1.1\t" + hostname + "\n");
    String resolv;
    try {
      resolv = Files.readString(hostResolvConf);
    } catch (IOException e) {
      resolv = FALLBACK_RESOLV;
    }
    Files.writeString(dir.resolve(RESOLV_CONF), resolv);
    return List.of(
        new Bind(dir.resolve(HOSTNAME), "/etc/hostname", false),
        new Bind(dir.resolve(HOSTS), "/etc/hosts", false),
        new Bind(dir.resolve(RESOLV_CONF), "/etc/resolv.conf", false));
  }
}
