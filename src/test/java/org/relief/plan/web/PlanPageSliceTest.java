package org.relief.plan.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.careteam.CareTeams;
import org.relief.careteam.Role;
import org.relief.careteam.StaffUserDetailsService.StaffPrincipal;
import org.relief.patient.PatientSummary;
import org.relief.patient.Patients;
import org.relief.patient.Step;
import org.relief.plan.Plans;
import org.relief.shared.VersionConflictException;
import org.relief.web.WebSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The plan page's propose form as Spring binds it, without the database ({@link Plans} a mock): a value that cannot
 * be converted is a 400 naming its row's field and reaches no service; a stale proposal is a 409 that keeps what was
 * typed. What a proposal stores is tested in {@code PlansIT}.
 */
@WebSlice(PlanController.class)
class PlanPageSliceTest {

    private static final UUID PATIENT = UUID.fromString("00000000-0000-0000-0000-000000000042");
    private static final StaffPrincipal GARCIA = new StaffPrincipal(
            UUID.randomUUID(), "pt.garcia", "Maria Garcia, DPT", Role.PHYSICAL_THERAPIST, "-", true, false);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Plans plans;

    @MockitoBean
    Patients patients;

    @MockitoBean
    CareTeams teams;

    @BeforeEach
    void aPatientToShow() {
        when(patients.summary(PATIENT))
                .thenReturn(new PatientSummary(
                        PATIENT, "R000042", "Testperson", "Dana", LocalDate.of(1970, 5, 17), Step.PLANNING));
    }

    @Test
    void aTargetThatIsNotANumberAndADateThatIsNotADateAre400NamingTheRowFields() throws Exception {
        mvc.perform(post("/patients/{id}/plan", PATIENT)
                        .with(user(GARCIA))
                        .with(csrf())
                        .param("basedOnVersion", "0")
                        .param("goal[0].kind", "PAIN")
                        .param("goal[0].description", "Pain at most 4 of 10")
                        .param("goal[0].measure", "NRS")
                        .param("goal[0].target", "four")
                        .param("goal[0].targetDate", "next spring"))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("plan/page"))
                .andExpect(model().attribute("errors", hasKey("goal[0].target")))
                .andExpect(model().attribute("errors", hasKey("goal[0].targetDate")))
                // what was typed is shown again
                .andExpect(content().string(containsString("next spring")));
        verify(plans, never()).propose(any(), any(), anyList(), anyList(), any(), any());
    }

    @Test
    void aProposalBasedOnAVersionThatIsNoLongerCurrentIs409AndKeepsWhatWasTyped() throws Exception {
        when(plans.propose(any(), any(), anyList(), anyList(), any(), anyInt()))
                .thenThrow(new VersionConflictException(UUID.randomUUID(), 1, 2, "dr.patel"));
        mvc.perform(post("/patients/{id}/plan", PATIENT)
                        .with(user(GARCIA))
                        .with(csrf())
                        .param("basedOnVersion", "1")
                        .param("goal[0].kind", "PERSONAL")
                        .param("goal[0].description", "Walk the dog every morning"))
                .andExpect(status().isConflict())
                .andExpect(view().name("plan/page"))
                .andExpect(model().attributeExists("conflict"))
                .andExpect(content().string(containsString("Walk the dog every morning")));
    }
}
