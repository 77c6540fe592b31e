package io.jdock.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MountOptionsTest {
  @Test
  void defaults() {
    MountOptions o = MountOptions.defaults();
    assertThat(o.fsName()).isEqualTo("jdock");
    assertThat(o.readOnly()).isFalse();
    assertThat(o.suidAndDevices()).isFalse();
    assertThat(o.threads()).isGreaterThanOrEqualTo(2);
    assertThat(o.maxWrite()).isEqualTo(1 << 20);
    assertThat(o.writebackCache()).isFalse();
    assertThat(o.cloneDevice()).isTrue();
    assertThat(o.mechanism()).isEqualTo(MountOptions.Mechanism.AUTO);
    assertThat(o.unmountOnExit()).isTrue();
  }

  @Test
  void withersChangeOneField() {
    MountOptions o = MountOptions.defaults();
    assertThat(o.withReadOnly(true))
        .isEqualTo(
            new MountOptions(
                o.fsName(),
                true,
                o.allowOther(),
                o.suidAndDevices(),
                o.threads(),
                o.maxWrite(),
                o.writebackCache(),
                o.cloneDevice(),
                o.mechanism(),
                o.unmountOnExit()));
    assertThat(o.withThreads(7).threads()).isEqualTo(7);
    assertThat(o.withMaxWrite(4096).maxWrite()).isEqualTo(4096);
    assertThat(o.withFsName("img").fsName()).isEqualTo("img");
    assertThat(o.withAllowOther(false).allowOther()).isFalse();
    assertThat(o.withSuidAndDevices(true).suidAndDevices()).isTrue();
    assertThat(o.withWritebackCache(true).writebackCache()).isTrue();
    assertThat(o.withCloneDevice(false).cloneDevice()).isFalse();
    assertThat(o.withUnmountOnExit(false).unmountOnExit()).isFalse();
    assertThat(o.withMechanism(MountOptions.Mechanism.FUSERMOUNT).mechanism())
        .isEqualTo(MountOptions.Mechanism.FUSERMOUNT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a,b", "a b", "tab\there", "back\\slash"})
  void fsNamesThatWouldBreakTheOptionStringAreRefused(String name) {
    assertThatThrownBy(() -> MountOptions.defaults().withFsName(name))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 4095, (1 << 20) + 1})
  void maxWriteIsBounded(int bytes) {
    assertThatThrownBy(() -> MountOptions.defaults().withMaxWrite(bytes))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void threadsMustBePositive() {
    assertThatThrownBy(() -> MountOptions.defaults().withThreads(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fusermountOptionString() {
    MountOptions o = MountOptions.defaults().withAllowOther(false).withMaxWrite(131072);
    assertThat(Fusermount.optionString(o))
        .isEqualTo(
            "rw,fsname=jdock,subtype=jdock,default_permissions,nosuid,nodev,noatime,"
                + "max_read=131072");
    assertThat(
            Fusermount.optionString(
                o.withReadOnly(true).withAllowOther(true).withSuidAndDevices(true)))
        .isEqualTo(
            "ro,fsname=jdock,subtype=jdock,default_permissions,allow_other,suid,dev,"
                + "noatime,max_read=131072");
  }
}
