package io.jdock.cli;

import static io.jdock.cli.ImagesCommandTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.oci.Digest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jdock system df}: docker 28's summary and verbose tables. */
class SystemDfCommandTest {
  @TempDir Path root;

  private static String ago(Duration d) {
    return Instant.now().minus(d).toString();
  }

  @Test
  void emptyStore() {
    CliFixture.Run run = new CliFixture(root).run("system", "df");
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE
            Images          0         0         0B        0B
            Containers      0         0         0B        0B
            Local Volumes   0         0         0B        0B
            Build Cache     0         0         0B        0B
            """);
  }

  @Test
  void imagesAndContainers() throws Exception {
    CliFixture jdock = new CliFixture(root);
    String shared = "s".repeat(1000);
    Digest a =
        jdock.image(
            CliFixture.config(ago(Duration.ofDays(2)), Map.of()),
            List.of("a:1"),
            shared,
            "a".repeat(500));
    Digest b =
        jdock.image(
            CliFixture.config(ago(Duration.ofDays(1)), Map.of()),
            List.of("b:1"),
            shared,
            "b".repeat(250));
    Instant now = Instant.now();
    jdock.container(
        'c',
        "web",
        a,
        CliFixture.running(now.minus(Duration.ofHours(2))),
        now.minus(Duration.ofHours(3)),
        "u".repeat(2000));
    jdock.container(
        'd',
        "job",
        a,
        CliFixture.stopped(now.minus(Duration.ofMinutes(10))),
        now.minus(Duration.ofDays(4)),
        "v".repeat(300));

    assertThat(jdock.run("system", "df").out())
        .isEqualTo(
            """
            TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE
            Images          2         1         1.75kB    250B (14%)
            Containers      2         1         2.3kB     300B (13%)
            Local Volumes   0         0         0B        0B
            Build Cache     0         0         0B        0B
            """);
    assertThat(jdock.run("system", "df", "--format", "json").out())
        .startsWith(
            "{\"Active\":\"1\",\"Reclaimable\":\"250B (14%)\",\"Size\":\"1.75kB\","
                + "\"TotalCount\":\"2\",\"Type\":\"Images\"}\n")
        .endsWith(
            "{\"Active\":\"0\",\"Reclaimable\":\"0B\",\"Size\":\"0B\",\"TotalCount\":\"0\","
                + "\"Type\":\"Build Cache\"}\n");
    assertThat(jdock.run("system", "df", "--format", "{{.Type}}: {{.Reclaimable}}").out())
        .isEqualTo(
            "Images: 250B (14%)\nContainers: 300B (13%)\nLocal Volumes: 0B\nBuild Cache: 0B\n");
    assertThat(jdock.run("system", "df", "--format", "raw").out())
        .startsWith(
            "type: Images\ntotal: 2\nactive: 1\nsize: 1.75kB\nreclaimable: 250B (14%)\n\n"
                + "type: Containers\n");

    assertThat(jdock.run("system", "df", "-v").out())
        .isEqualTo(
            """
            Images space usage:

            REPOSITORY   TAG       IMAGE ID       CREATED        SIZE      SHARED SIZE   UNIQUE SIZE   CONTAINERS
            b            1         %s   24 hours ago   1.25kB    1kB           250B          0
            a            1         %s   2 days ago     1.5kB     1kB           500B          2

            Containers space usage:

            CONTAINER ID   IMAGE     COMMAND                  LOCAL VOLUMES   SIZE      CREATED       STATUS                      NAMES
            cccccccccccc   img       "/bin/sh -c echo hel…"   0               2kB       3 hours ago   Up 2 hours                  web
            dddddddddddd   img       "/bin/sh -c echo hel…"   0               300B      4 days ago    Exited (0) 10 minutes ago   job

            Local Volumes space usage:

            VOLUME NAME   LINKS     SIZE

            Build cache usage: 0B

            CACHE ID   CACHE TYPE   SIZE      CREATED   LAST USED   USAGE     SHARED
            """
                .formatted(b.shortHex(), a.shortHex()));
    assertThat(
            jdock.run("system", "df", "-v", "--format", "{{range .Images}}{{.ID}} {{end}}").out())
        .isEqualTo(b + " " + a + " ");
  }

  @Test
  void errors() {
    CliFixture jdock = new CliFixture(root);
    assertError(
        jdock.run("system", "df", "--format", "{{.Foo}}"),
        "template parsing error: template: :1:2: executing \"\" at <.Foo>: can't evaluate field"
            + " Foo in type *formatter.diskUsageImagesContext");
    CliFixture.Run args = jdock.run("system", "df", "x");
    assertThat(args.exit()).isEqualTo(1);
    assertThat(args.err()).startsWith("jdock: 'jdock system df' accepts no arguments\n");
  }
}
