package org.relief.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdleMemoryReturnTest {

    private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void asksG1ForAPeriodicCollectionAndATighterHeapUnlessTheCommandLineSaidOtherwise() {
        assumeTrue(
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .anyMatch(gc -> gc.getName().startsWith("G1")),
                "the JVM runs G1");
        assumeTrue(
                vm.getVMOption("G1PeriodicGCInterval").getOrigin() != com.sun.management.VMOption.Origin.VM_CREATION,
                "not set on the command line");
        new IdleMemoryReturn(Duration.ofSeconds(90)).configure();
        // this call, or an application context started earlier in the same JVM (30 s by default), set it
        assertThat(Long.parseLong(vm.getVMOption("G1PeriodicGCInterval").getValue()))
                .isIn(90_000L, 30_000L);
        assertThat(Integer.parseInt(vm.getVMOption("MaxHeapFreeRatio").getValue()))
                .isEqualTo(30);
        assertThat(Integer.parseInt(vm.getVMOption("MinHeapFreeRatio").getValue()))
                .isEqualTo(10);
    }
}
