package org.relief.portal;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relief.careteam.Actor;
import org.relief.support.Http;

/** Test helpers for the portal: an invited patient with an account, and a portal sign-in over HTTP. */
final class PortalSupport {

    static final String PASSWORD = "quiet river morning 42";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private PortalSupport() {}

    /** Invites the patient as the staff member and accepts the invitation as the patient. */
    static String account(PortalAccounts accounts, Actor staff, UUID patientId, String username) {
        var invitation = accounts.invite(staff, patientId);
        return accounts.accept(invitation.code(), username, PASSWORD, PASSWORD, "127.0.0.1");
    }

    /** The portal's CSRF token, as a page of the portal renders it into its forms. */
    static String csrf(Http http, String page) {
        HttpResponse<String> r = http.get(page);
        Matcher m = CSRF.matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + page + " (" + r.statusCode() + ")");
        }
        return m.group(1);
    }

    /** Signs in through the portal's form; the response of the sign-in post. */
    static HttpResponse<String> signIn(Http http, String username, String password) {
        return http.postFormRaw(
                "/portal/login", Map.of("username", username, "password", password), csrf(http, "/portal/login"));
    }

    /** A new client signed in to the portal. */
    static Http session(int port, String username) {
        Http http = Http.anonymous(port);
        HttpResponse<String> r = signIn(http, username, PASSWORD);
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("portal sign-in failed for " + username + ": " + location);
        }
        return http;
    }

    /** Posts a portal form with a token from the given page of the portal. */
    static HttpResponse<String> post(Http http, String tokenPage, String path, Map<String, String> fields) {
        return http.postFormRaw(path, fields, csrf(http, tokenPage));
    }
}
