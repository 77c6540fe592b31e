package io.jdock.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.union.Caller;
import io.jdock.union.Errno;
import io.jdock.union.FsException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XattrOpsTest {
  private final List<String> calls = new ArrayList<>();

  private final StubFs fs =
      new StubFs() {
        @Override
        public byte[] getxattr(long ino, String name) throws FsException {
          if (!name.equals("user.k")) {
            throw new FsException(Errno.ENODATA);
          }
          return "value".getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public List<String> listxattr(long ino) {
          return List.of("user.a", "trusted.overlay.opaque");
        }

        @Override
        public void setxattr(Caller c, long ino, String name, byte[] value, int flags) {
          calls.add(name + "=" + new String(value, StandardCharsets.UTF_8) + " " + flags);
        }

        @Override
        public void removexattr(Caller c, long ino, String name) {
          calls.add("remove " + name);
        }
      };

  @ParameterizedTest
  @CsvSource({"0, 8, 5", "4, 0, -34", "5, 5, 0", "64, 5, 0"})
  void getxattrFollowsTheSizeProbe(int size, int payload, int expected) {
    FakeKernel.Answer a =
        new FakeKernel(fs).call(Opcode.GETXATTR, 3, Layout.writer().u32(size).u32(0).str("user.k"));
    assertThat(a.length() - 16).isEqualTo(payload);
    if (size == 0) {
      assertThat(a.read().u32()).as("fuse_getxattr_out.size").isEqualTo(expected);
    } else if (expected < 0) {
      assertThat(a.error()).isEqualTo(expected);
    } else {
      assertThat(a.read().str(5)).isEqualTo("value");
    }
  }

  @Test
  void aMissingAttributeIsEnodata() {
    FakeKernel.Answer a =
        new FakeKernel(fs).call(Opcode.GETXATTR, 3, Layout.writer().u32(64).u32(0).str("user.x"));
    assertThat(a.error()).isEqualTo(-61);
  }

  @Test
  void listxattrJoinsNamesWithNuls() {
    FakeKernel k = new FakeKernel(fs);
    int total = "user.a\0trusted.overlay.opaque\0".length();
    FakeKernel.Answer probe = k.call(Opcode.LISTXATTR, 3, Layout.writer().u32(0).u32(0));
    assertThat(probe.read().u32()).isEqualTo(total);
    FakeKernel.Answer small = k.call(Opcode.LISTXATTR, 3, Layout.writer().u32(10).u32(0));
    assertThat(small.error()).isEqualTo(-34);
    FakeKernel.Answer full = k.call(Opcode.LISTXATTR, 3, Layout.writer().u32(total).u32(0));
    assertThat(full.read().str(total)).isEqualTo("user.a\0trusted.overlay.opaque\0");
  }

  @Test
  void setxattrPassesNameValueAndFlags() {
    FakeKernel k = new FakeKernel(fs);
    byte[] value = "a\0b".getBytes(StandardCharsets.UTF_8);
    Layout in = Layout.writer().u32(value.length).u32(1).str("user.bin").raw(value);
    assertThat(k.call(Opcode.SETXATTR, 3, in).error()).isZero();
    assertThat(k.call(Opcode.REMOVEXATTR, 3, Layout.writer().str("user.bin")).error()).isZero();
    assertThat(calls).containsExactly("user.bin=a\0b 1", "remove user.bin");
  }
}
