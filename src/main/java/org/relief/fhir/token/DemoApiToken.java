package org.relief.fhir.token;

import java.util.Set;
import org.relief.careteam.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo clinic's referring practice gets one API token (read and write, acting as the demo physician
 * {@code dr.patel}): generated and printed once on the first start, or fixed by RELIEF_DEMO_API_TOKEN for automation
 * (then ensured on every start). Runs after the demo clinic is seeded, when its staff exist.
 */
@Component
class DemoApiToken {

    static final String NAME = "Demo referring practice";
    private static final Logger log = LoggerFactory.getLogger(DemoApiToken.class);

    private final ApiTokens tokens;
    private final StaffDirectory staff;
    private final boolean demo;
    private final String fixedToken;
    private final String actsAs;

    DemoApiToken(
            ApiTokens tokens,
            StaffDirectory staff,
            @Value("${relief.demo.enabled:true}") boolean demo,
            @Value("${relief.demo.api-token:}") String fixedToken,
            @Value("${relief.demo.api-token-acts-as:dr.patel}") String actsAs) {
        this.tokens = tokens;
        this.staff = staff;
        this.demo = demo;
        this.fixedToken = fixedToken;
        this.actsAs = actsAs;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    void issue() {
        if (!demo) {
            return;
        }
        var physician = staff.findByUsername(actsAs);
        if (physician.isEmpty()) {
            log.warn("No demo API token: staff member {} does not exist", actsAs);
            return;
        }
        Set<String> scopes = Set.of(ApiClient.READ, ApiClient.WRITE);
        if (!fixedToken.isBlank()) {
            tokens.ensure("demo", NAME, scopes, physician.get().id(), fixedToken);
            System.out.println(" FHIR API:           Authorization: Bearer $RELIEF_DEMO_API_TOKEN  ('" + NAME
                    + "', acting as " + actsAs + ")\n");
            return;
        }
        if (tokens.all().stream().noneMatch(t -> t.name().equals(NAME))) {
            var issued = tokens.ensure("demo", NAME, scopes, physician.get().id(), ApiTokens.newToken())
                    .orElseThrow();
            System.out.println("\n FHIR API token for the demo referring practice (shown once; acting as " + actsAs
                    + "):\n   Authorization: Bearer " + issued.token() + "\n   e.g. curl -H 'Authorization: Bearer "
                    + issued.token() + "' http://localhost:<port>/fhir/metadata\n");
        }
    }
}
