package io.jdock.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.registry.credentials.CredentialHelper;
import io.jdock.registry.credentials.CredentialStore;
import io.jdock.registry.credentials.Credentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginTest {
  @TempDir Path dir;
  private FakeRegistry reg;
  private Path configJson;
  private final Console console = new Console();

  /** A scripted terminal. */
  static final class Console implements LoginConsole {
    boolean terminal;
    String stdin = "";
    final Deque<String> answers = new ArrayDeque<>();
    final List<String> prompts = new ArrayList<>();
    final List<String> out = new ArrayList<>();
    final StringBuilder err = new StringBuilder();

    @Override
    public boolean isTerminal() {
      return terminal;
    }

    @Override
    public String readLine(String prompt) {
      prompts.add(prompt);
      return answers.removeFirst();
    }

    @Override
    public String readPassword(String prompt) {
      prompts.add(prompt);
      return answers.removeFirst();
    }

    @Override
    public String readStdin() {
      return stdin;
    }

    @Override
    public void out(String line) {
      out.add(line);
    }

    @Override
    public void err(String text) {
      err.append(text);
    }
  }

  @BeforeEach
  void start() throws Exception {
    reg = new FakeRegistry();
    configJson = dir.resolve("docker/config.json");
  }

  @AfterEach
  void stop() {
    reg.close();
  }

  private Login login() throws IOException {
    CredentialStore store = CredentialStore.load(configJson, CredentialHelper.onPath(List.of(dir)));
    return new Login(new Registries(TestRegistries.config(), store::get), store);
  }

  private static LoginRequest request(String server, String user, String password, boolean stdin) {
    return new LoginRequest(
        Optional.ofNullable(server),
        Optional.ofNullable(user),
        Optional.ofNullable(password),
        stdin);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "u, p, true, conflicting options: cannot specify both --password and --password-stdin, ''",
        "null, null, true, the --password-stdin option requires --username to be set, ''",
        "'', null, true, username is empty, ''",
        "'', p, false, username is empty, ''",
        "u, '', false, password is empty, ''",
        "null, -, false, Error: Cannot perform an interactive login from a non TTY device, WARN",
        "null, null, false, Error: Cannot perform an interactive login from a non TTY device, ''",
        "u, null, false, Error: Cannot perform an interactive login from a non TTY device, ''",
        "u, null, true, Error: Cannot perform an interactive login from a non TTY device, ''",
      })
  void optionRulesUseDocker28sMessages(
      String user, String password, boolean stdin, String message, String warning) {
    assertThatThrownBy(() -> login().login(request(reg.host(), user, password, stdin), console))
        .isInstanceOf(LoginException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((LoginException) e).fromRegistry()).isFalse());
    assertThat(configJson).doesNotExist();
    assertThat(console.err.toString()).isEqualTo(warning.isEmpty() ? "" : Login.PASSWORD_WARNING);
  }

  @Test
  void dashIsALiteralPasswordAsInDocker28() throws Exception {
    reg.basicAuth("bob", "-");
    console.stdin = "pw\n";

    login().login(request(reg.host(), "bob", "-", false), console);

    assertThat(console.out).containsExactly("Login Succeeded");
    assertThat(Files.readString(configJson)).contains("\"auth\": \"Ym9iOi0=\"");
  }

  @Test
  void unchangedCredentialsAreNotStoredAgainNorWarnedAbout() throws Exception {
    reg.basicAuth("bob", "pw");
    login().login(request(reg.host(), "bob", "pw", false), new Console());
    long modified = Files.getLastModifiedTime(configJson).toMillis();
    Files.setLastModifiedTime(configJson, java.nio.file.attribute.FileTime.fromMillis(1000));

    login().login(request(reg.host(), "bob", "pw", false), console);

    assertThat(console.err.toString()).isEqualTo(Login.PASSWORD_WARNING);
    assertThat(Files.getLastModifiedTime(configJson).toMillis()).isEqualTo(1000);
    assertThat(modified).isNotEqualTo(1000);
  }

  @Test
  void interactiveEmptyAnswersUseDocker28sMessages() throws Exception {
    reg.basicAuth("bob", "pw");
    console.terminal = true;
    console.answers.add("");
    assertThatThrownBy(() -> login().login(request(reg.host(), null, null, false), console))
        .hasMessage("Error: Non-null Username Required");
    console.answers.add("bob");
    console.answers.add("");
    assertThatThrownBy(() -> login().login(request(reg.host(), null, null, false), console))
        .hasMessage("Error: Password Required");
    assertThat(console.prompts).containsExactly("Username: ", "Username: ", "Password: ");
    assertThat(configJson).doesNotExist();
  }

  @Test
  void basicLoginIsVerifiedThenStoredWithDockersWarnings() throws Exception {
    reg.basicAuth("bob", "pw");

    login().login(request(reg.host(), "bob", "pw", false), console);

    assertThat(console.out).containsExactly("Login Succeeded");
    assertThat(console.err.toString())
        .startsWith(Login.PASSWORD_WARNING)
        .contains(
            "\nWARNING! Your credentials are stored unencrypted in '"
                + configJson
                + "'.\n"
                + "Configure a credential helper to remove this warning. See\n"
                + "https://docs.docker.com/go/credential-store/\n");
    assertThat(Files.readString(configJson))
        .contains("\"" + reg.host() + "\": {\n\t\t\t\"auth\": \"Ym9iOnB3\"");
  }

  @Test
  void wrongPasswordIsRefusedAndNothingStored() throws Exception {
    reg.basicAuth("bob", "pw");

    assertThatThrownBy(() -> login().login(request(reg.host(), "bob", "nope", false), console))
        .isInstanceOf(LoginException.class)
        .hasMessage("login attempt to " + reg.uri() + "/v2/ failed with status: 401 Unauthorized")
        .satisfies(e -> assertThat(((LoginException) e).fromRegistry()).isTrue());
    assertThat(configJson).doesNotExist();
  }

  @Test
  void tokenServerRefusalIsReportedForTheV2Url() throws Exception {
    reg.bearerAuth("alice", "s3cret", true);

    assertThatThrownBy(() -> login().login(request(reg.host(), "alice", "bad", false), console))
        .hasMessage("Get \"" + reg.uri() + "/v2/\": unauthorized: incorrect username or password");
  }

  @Test
  void bearerLoginKeepsTheIdentityTokenInsteadOfThePassword() throws Exception {
    reg.bearerAuth("alice", "s3cret", false);
    console.stdin = "s3cret\n";

    login().login(request("http://" + reg.host() + "/", "alice", null, true), console);

    String file = Files.readString(configJson);
    assertThat(file)
        .contains("\"identitytoken\": \"refresh-alice\"")
        .contains("\"auth\": \"YWxpY2U6\"");
    assertThat(console.err.toString()).doesNotContain("unencrypted");
    assertThat(reg.requests("GET", "/token").get(0).query()).contains("offline_token=true");
  }

  @Test
  void storedCredentialsAreReused() throws Exception {
    reg.basicAuth("bob", "pw");
    login().login(request(reg.host(), "bob", "pw", false), new Console());

    login().login(request(reg.host(), null, null, false), console);

    assertThat(console.err.toString())
        .isEqualTo(
            "Authenticating with existing credentials... [Username: bob]\n\n"
                + " Info -> To login with a different account, run 'docker logout' followed by"
                + " 'docker login'\n\n\n");
    assertThat(console.out).containsExactly("Login Succeeded");
  }

  @Test
  void interactiveLoginPromptsWithTheStoredUsername() throws Exception {
    reg.basicAuth("bob", "pw");
    Files.createDirectories(configJson.getParent());
    Files.writeString(
        configJson, "{\"auths\":{\"" + reg.host() + "\":{\"auth\":\"Ym9iOnN0YWxl\"}}}");
    console.terminal = true;
    console.answers.add("");
    console.answers.add("pw");

    login().login(request(reg.host(), null, null, false), console);

    assertThat(console.err.toString()).contains("Login did not succeed, error: login attempt to");
    assertThat(console.prompts).containsExactly("Username (bob): ", "Password: ");
  }

  @Test
  void credsStoreHoldsTheSecret() throws Exception {
    io.jdock.registry.credentials.FakeHelper.install(dir, "test");
    Files.createDirectories(configJson.getParent());
    Files.writeString(configJson, "{\"credsStore\":\"test\"}");
    reg.basicAuth("bob", "pw");

    login().login(request(reg.host(), "bob", "pw", false), console);

    assertThat(console.err.toString()).doesNotContain("unencrypted");
    assertThat(Files.readString(configJson)).contains("\"" + reg.host() + "\": {}");
    assertThat(new CredentialHelper("test", CredentialHelper.onPath(List.of(dir))).get(reg.host()))
        .contains(Credentials.basic("bob", "pw"));
  }

  @Test
  void logoutRemovesTheEntry() throws Exception {
    reg.basicAuth("bob", "pw");
    login().login(request(reg.host(), "bob", "pw", false), new Console());

    login().logout(Optional.of(reg.host()), console);

    assertThat(console.out).containsExactly("Removing login credentials for " + reg.host());
    assertThat(Files.readString(configJson)).doesNotContain(reg.host());
  }
}
