package io.jdock.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.union.Attr;
import io.jdock.union.Caller;
import io.jdock.union.Errno;
import io.jdock.union.FsException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DispatcherTest {
  @Test
  void anFsExceptionBecomesItsNegatedErrno() {
    FakeKernel k =
        new FakeKernel(
            new StubFs() {
              @Override
              public Attr getattr(long ino, long fh) throws FsException {
                throw new FsException(Errno.EACCES);
              }
            });
    FakeKernel.Answer a = k.call(Opcode.GETATTR, 5, Layout.writer().u32(0).u32(0).u64(0));
    assertThat(a.replied()).isTrue();
    assertThat(a.error()).isEqualTo(-13);
    assertThat(a.length()).isEqualTo(16);
  }

  @Test
  void anyOtherThrowableIsEioAndTheNextRequestStillWorks() {
    List<Long> seen = new ArrayList<>();
    FakeKernel k =
        new FakeKernel(
            new StubFs() {
              @Override
              public Attr getattr(long ino, long fh) {
                seen.add(ino);
                if (ino == 6) {
                  throw new IllegalStateException("bug in the file system");
                }
                if (ino == 7) {
                  throw new StackOverflowError();
                }
                return file(ino);
              }
            });
    Layout args = Layout.writer().u32(0).u32(0).u64(0);
    assertThat(k.call(Opcode.GETATTR, 6, args).error()).isEqualTo(-5);
    assertThat(k.call(Opcode.GETATTR, 7, args).error()).isEqualTo(-5);
    FakeKernel.Answer ok = k.call(Opcode.GETATTR, 8, args);
    assertThat(ok.error()).isZero();
    assertThat(ok.length()).isEqualTo(16 + 104);
    assertThat(seen).containsExactly(6L, 7L, 8L);
  }

  @ParameterizedTest
  @ValueSource(
      ints = {
        Opcode.ACCESS,
        Opcode.LSEEK,
        Opcode.COPY_FILE_RANGE,
        Opcode.GETLK,
        Opcode.SETLK,
        Opcode.IOCTL,
        Opcode.POLL,
        Opcode.BMAP,
        Opcode.TMPFILE,
        Opcode.STATX,
        Opcode.SYNCFS,
        4096,
        999
      })
  void unimplementedOpcodesAreEnosys(int opcode) {
    FakeKernel.Answer a = new FakeKernel(new StubFs()).call(opcode, 1, Layout.writer().u64(0));
    assertThat(a.replied()).isTrue();
    assertThat(a.error()).isEqualTo(-38);
  }

  @Test
  void theReplyCarriesTheRequestsUnique() {
    FakeKernel k = new FakeKernel(new StubFs());
    FakeKernel.Answer first = k.call(Opcode.STATFS, 1);
    FakeKernel.Answer second = k.call(Opcode.STATFS, 1);
    assertThat(first.unique()).isNotEqualTo(second.unique());
  }

  @Test
  void forgetsGetNoReplyEvenWhenTheyFail() {
    List<String> forgets = new ArrayList<>();
    FakeKernel k =
        new FakeKernel(
            new StubFs() {
              @Override
              public void forget(long ino, long count) {
                forgets.add(ino + "x" + count);
                if (ino == 11) {
                  throw new IllegalStateException("unknown inode");
                }
              }
            });
    assertThat(k.call(Opcode.FORGET, 9, Layout.writer().u64(3)).replied()).isFalse();
    Layout batch = Layout.writer().u32(3).u32(0).u64(10).u64(1).u64(11).u64(2).u64(12).u64(5);
    assertThat(k.call(Opcode.BATCH_FORGET, 0, batch).replied()).isFalse();
    assertThat(forgets).containsExactly("9x3", "10x1", "11x2", "12x5");
  }

  @Test
  void interruptGetsNoReply() {
    FakeKernel k = new FakeKernel(new StubFs());
    assertThat(k.call(Opcode.INTERRUPT, 0, Layout.writer().u64(77)).replied()).isFalse();
  }

  @Test
  void initRepliesWithTheNegotiatedStructAndTellsTheSession() {
    FakeKernel k = new FakeKernel(new StubFs());
    Layout in = Layout.writer().u32(7).u32(45).u32(131072).u32(0xffff_ffffL & ~Abi.INIT_EXT);
    in.u32(0).skip(44);
    FakeKernel.Answer a = k.call(Opcode.INIT, 0, in);
    assertThat(a.error()).isZero();
    assertThat(a.length()).isEqualTo(16 + 64);
    InitOut out = InitOut.decode(a.payload(), 0);
    assertThat(out.minor()).isEqualTo(40);
    assertThat(out.flags()).isEqualTo(Negotiation.WANTED);
    assertThat(k.events).containsExactly("agreed 7.40");
  }

  @Test
  void initFromAnOldKernelIsRefused() {
    FakeKernel k = new FakeKernel(new StubFs());
    FakeKernel.Answer a = k.call(Opcode.INIT, 0, Layout.writer().u32(7).u32(12).u32(0).u32(0));
    assertThat(a.error()).isEqualTo(-71);
    assertThat(k.events).singleElement().asString().startsWith("refused");
  }

  @Test
  void destroyRepliesAndTellsTheSession() {
    FakeKernel k = new FakeKernel(new StubFs());
    assertThat(k.call(Opcode.DESTROY, 0).error()).isZero();
    assertThat(k.events).containsExactly("destroyed");
  }

  @Test
  void callerIdsComeFromTheHeader() {
    List<Caller> callers = new ArrayList<>();
    FakeKernel k =
        new FakeKernel(
            new StubFs() {
              @Override
              public void unlink(Caller caller, long parent, String name) {
                callers.add(caller);
              }
            });
    assertThat(k.call(Opcode.UNLINK, 1, Layout.writer().str("x")).error()).isZero();
    assertThat(callers).containsExactly(new Caller(1000, 1000, 42));
  }

  @Test
  void anUnterminatedNameIsEioNotACrash() {
    FakeKernel k = new FakeKernel(new StubFs());
    FakeKernel.Answer a = k.call(Opcode.UNLINK, 1, Layout.writer().raw("abc".getBytes()));
    assertThat(a.error()).isEqualTo(-5);
  }
}
