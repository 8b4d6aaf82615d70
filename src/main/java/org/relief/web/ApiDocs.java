package org.relief.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.relief.careteam.Actor;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document ({@code /api/openapi}, the page {@code /api/docs}) says about the API as a whole: its
 * name and what it is, instead of springdoc's "OpenAPI definition v0", and its two ways of signing in (a staff
 * member's name and password, or an API token the clinic admin issues), so the page's "Authorize" button offers both.
 *
 * <p>The acting staff member ({@link Actor}) is a handler argument made from the sign-in, not from the request: the
 * document listed it as a query parameter of 49 operations, and the page offered fields for its staff id and role.
 * It is left out of the document.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Relief API",
                        version = "1",
                        description = "The chart, care team, plans, orders, medications, outcomes and appointments of a"
                                + " multidisciplinary interventional pain clinic, as the signed-in staff member may"
                                + " see and change them (their role and care teams). JSON only. Bad input is a 400"
                                + " problem document whose errors name each field, and changes nothing. FHIR R4 is"
                                + " under /fhir."),
        security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
@SecurityScheme(
        name = "token",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "An API token the clinic admin issues (API tokens page): Authorization: Bearer <token>")
@SecurityScheme(
        name = "password",
        type = SecuritySchemeType.HTTP,
        scheme = "basic",
        description = "A staff member's user name and password")
class ApiDocs {

    static {
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }
}
