package org.relief.platform;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives memory the heap no longer needs back to the system once the clinic goes quiet. A heap histogram after a
 * load (bench/memory.sh) showed about 60 MB live while the JVM held several hundred MB of heap it had grown into
 * under the load; G1 gives that back only after a concurrent cycle or a full collection, which an idle server never
 * starts. JDK 12's periodic collection (JEP 346, the {@code G1PeriodicGCInterval} option) starts one after the
 * given time without any, and the free-ratio options bound how much free heap is kept after it. All three can be
 * set on a running JVM; Relief sets them here when the JVM runs G1 and the operator has not set them on the command
 * line ({@code -XX:...} always wins). {@code relief.memory.return-idle-after: 0} leaves the JVM's defaults. G1 looks
 * once an interval whether there was a collection in the last one, so the heap goes back within two intervals of
 * going quiet; with 60 s, bench/memory.sh saw nothing returned 75 s after its load, hence 30 s.
 */
@Component
class IdleMemoryReturn {

    private static final Logger log = LoggerFactory.getLogger(IdleMemoryReturn.class);

    private final Duration after;

    IdleMemoryReturn(@Value("${relief.memory.return-idle-after:30s}") Duration after) {
        this.after = after;
    }

    @EventListener(ApplicationReadyEvent.class)
    void configure() {
        if (after.isZero() || after.isNegative() || !runsG1()) {
            return;
        }
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        try {
            boolean set = setIfDefault(vm, "G1PeriodicGCInterval", Long.toString(after.toMillis()));
            // the minimum first: it may never exceed the maximum
            set |= setIfDefault(vm, "MinHeapFreeRatio", "10");
            set |= setIfDefault(vm, "MaxHeapFreeRatio", "30");
            if (set) {
                log.info(
                        "Unused heap goes back to the system after {} s without a collection "
                                + "(G1PeriodicGCInterval; RELIEF_MEMORY_RETURN_IDLE_AFTER)",
                        after.toSeconds());
            }
        } catch (IllegalArgumentException | SecurityException e) {
            log.info("The JVM's heap options were left as they are: {}", e.getMessage());
        }
    }

    private static boolean setIfDefault(HotSpotDiagnosticMXBean vm, String name, String value) {
        VMOption option = vm.getVMOption(name);
        if (option.getOrigin() != VMOption.Origin.DEFAULT || !option.isWriteable()) {
            return false;
        }
        vm.setVMOption(name, value);
        return true;
    }

    private static boolean runsG1() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().startsWith("G1")) {
                return true;
            }
        }
        return false;
    }
}
