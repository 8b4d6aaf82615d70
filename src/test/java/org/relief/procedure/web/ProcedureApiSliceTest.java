package org.relief.procedure.web;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.Role;
import org.relief.careteam.StaffUserDetailsService.StaffPrincipal;
import org.relief.procedure.Orders;
import org.relief.procedure.PolicyValues;
import org.relief.shared.ForbiddenException;
import org.relief.web.WebSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The procedure JSON API's web layer alone (no database, {@link Orders} a mock): what Spring's binding, Bean
 * Validation, {@code ApiErrors} and the API security chain answer before and around the service. What the rules
 * decide on a real chart is tested in {@code OrdersIT}.
 */
@WebSlice(ProcedureApiController.class)
class ProcedureApiSliceTest {

    private static final UUID PATIENT = UUID.fromString("00000000-0000-0000-0000-000000000042");
    private static final String ORDERS = "/api/patients/" + PATIENT + "/procedure-orders";
    private static final StaffPrincipal PATEL =
            new StaffPrincipal(UUID.randomUUID(), "dr.patel", "Dr. Anika Patel", Role.PHYSICIAN, "-", true, false);

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    @MockitoBean
    Orders orders;

    @MockitoBean
    PolicyValues policies;
    /** The order routes open the chart through it before the body's checks (on main); a mock either way. */
    @MockitoBean
    ChartAccess access;

    private MockHttpServletRequestBuilder order(String json) {
        return post(ORDERS)
                .with(user(PATEL))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
    }

    @Test
    void jsonThatDoesNotParseIsAProblemDocumentAndReachesNoService() throws Exception {
        mvc.perform(order("{\"type\": \"ESI_TRANSFORAMINAL\", \"region\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors").isArray());
        verifyNoInteractions(orders);
    }

    @Test
    void noSideForAProcedureDoneOnASideIsRefusedNamingTheFieldInWords() throws Exception {
        mvc.perform(order("""
                {"type": "ESI_TRANSFORAMINAL", "region": "LUMBAR", "side": "NONE", "levels": 1,
                 "plannedDate": "2030-01-07", "indication": "RADICULOPATHY", "particulateSteroid": false,
                 "imageGuidance": true, "bleedingRiskFactors": false}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("side")))
                .andExpect(jsonPath("$.errors[0].message", startsWith("choose left, right or bilateral")))
                .andExpect(jsonPath("$.errors.length()").value(1));
        verifyNoInteractions(orders);
    }

    @Test
    void levelsThatAreNotANumberAreRefusedNamingTheField() throws Exception {
        mvc.perform(order("""
                {"type": "ESI_TRANSFORAMINAL", "region": "LUMBAR", "side": "LEFT", "levels": "two",
                 "plannedDate": "2030-01-07", "indication": "RADICULOPATHY", "particulateSteroid": false,
                 "imageGuidance": true, "bleedingRiskFactors": false}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("levels")));
        verifyNoInteractions(orders);
    }

    @Test
    void aServiceRefusalIsA403ProblemDocument() throws Exception {
        when(orders.orders(any(), eq(PATIENT))).thenThrow(new ForbiddenException("only a physician may do this"));
        mvc.perform(get(ORDERS).with(user(PATEL)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void withoutCredentialsTheApiAnswers401NotARedirect() throws Exception {
        mvc.perform(get(ORDERS)).andExpect(status().isUnauthorized());
        verifyNoInteractions(orders);
    }

    @Test
    void aSignedInSessionWritingWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post(ORDERS)
                        .with(user(PATEL))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(orders);
    }

    @Test
    void aClinicianOnTheAdminApiIsRefusedAndTheRefusalAudited() throws Exception {
        mvc.perform(get("/api/admin/tokens").with(user(PATEL))).andExpect(status().isForbidden());
        verify(audit)
                .record(
                        eq("dr.patel"),
                        eq("PHYSICIAN"),
                        isNull(),
                        eq(AuditAction.DENIED),
                        eq("GET /api/admin/tokens refused: not allowed"),
                        eq("DENIED"),
                        anyString());
    }
}
