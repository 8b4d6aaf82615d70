package org.relief.procedure.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Role;
import org.relief.careteam.StaffUserDetailsService.StaffPrincipal;
import org.relief.patient.ChartService;
import org.relief.patient.PatientSummary;
import org.relief.patient.Patients;
import org.relief.patient.Step;
import org.relief.procedure.Orders;
import org.relief.procedure.PolicyValues;
import org.relief.procedure.rules.Policy;
import org.relief.screening.SafetyGate;
import org.relief.web.WebSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The procedures page's web layer alone (services are mocks): the order form as Spring binds and validates it, and
 * the web security chain's answers. Placing an order on a real chart is tested in {@code OrdersIT} and the browser
 * tests.
 */
@WebSlice(ProcedureController.class)
class ProcedurePageSliceTest {

    private static final UUID PATIENT = UUID.fromString("00000000-0000-0000-0000-000000000042");
    private static final StaffPrincipal PATEL =
            new StaffPrincipal(UUID.randomUUID(), "dr.patel", "Dr. Anika Patel", Role.PHYSICIAN, "-", true, false);

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    @MockitoBean
    Orders orders;

    @MockitoBean
    Patients patients;

    @MockitoBean
    ChartService charts;

    @MockitoBean
    PolicyValues policies;

    @MockitoBean
    SafetyGate gate;

    @BeforeEach
    void aPatientToShow() {
        when(patients.summary(PATIENT))
                .thenReturn(new PatientSummary(
                        PATIENT, "R000042", "Testperson", "Dana", LocalDate.of(1970, 5, 17), Step.IN_EVALUATION));
        // no radiofrequency ablation on the chart, so the retreatment prompts read no policy value
        when(policies.current()).thenReturn(mock(Policy.class));
    }

    @Test
    void anOrderWithoutASideAndWithWordsForLevelsIs400NamingBothFieldsAndPlacesNothing() throws Exception {
        mvc.perform(post("/patients/{id}/procedures/orders", PATIENT)
                        .with(user(PATEL))
                        .with(csrf())
                        .param("type", "ESI_TRANSFORAMINAL")
                        .param("region", "LUMBAR")
                        .param("levels", "two")
                        .param("plannedDate", LocalDate.now().plusDays(7).toString())
                        .param("indication", "RADICULOPATHY")
                        .param("imageGuidance", "on"))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("procedure/page"))
                .andExpect(model().attribute("firstError", "side"))
                .andExpect(model().attribute("errors", org.hamcrest.Matchers.hasKey("levels")))
                .andExpect(content()
                        .string(containsString("choose the side (left, right, bilateral, or midline / no side)")))
                // what was typed is shown again
                .andExpect(content().string(containsString("value=\"two\"")));
        verify(orders, never()).order(any(), any(), any());
    }

    @Test
    void signedOutThePageSendsToSignIn() throws Exception {
        mvc.perform(get("/patients/{id}/procedures", PATIENT))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void aClinicianOnAnAdminPageIs403AndTheRefusalIsAudited() throws Exception {
        mvc.perform(get("/admin/policy").with(user(PATEL))).andExpect(status().isForbidden());
        verify(audit)
                .record(
                        eq("dr.patel"),
                        eq("PHYSICIAN"),
                        isNull(),
                        eq(AuditAction.DENIED),
                        eq("GET /admin/policy"),
                        startsWith("DENIED"),
                        anyString());
        verify(policies, never()).current();
    }
}
