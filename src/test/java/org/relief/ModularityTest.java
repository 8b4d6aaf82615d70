package org.relief;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The feature packages are modules; a module reaching into another's insides, or a cycle, fails the build. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(ReliefApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    /** Each module says which modules it may use (its package-info), so a new dependency is a visible decision. */
    @Test
    void everyModuleNamesWhatItMayDependOn() throws ClassNotFoundException {
        for (var module : modules) {
            String pkg = module.getBasePackage().getName();
            ApplicationModule declared = Class.forName(pkg + ".package-info").getAnnotation(ApplicationModule.class);
            assertThat(declared).as(pkg).isNotNull();
            if (declared.type() != ApplicationModule.Type.OPEN) {
                assertThat(declared.allowedDependencies()).as(pkg).doesNotContain(ApplicationModule.OPEN_TOKEN);
            }
        }
    }

    /** The record engine knows no feature module: only the shared kernel. */
    @Test
    void theRecordEngineDependsOnSharedOnly() throws ClassNotFoundException {
        ApplicationModule record =
                Class.forName("org.relief.record.package-info").getAnnotation(ApplicationModule.class);
        assertThat(record.allowedDependencies()).containsExactly("shared");
    }

    @Test
    void writesModuleDiagrams() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
