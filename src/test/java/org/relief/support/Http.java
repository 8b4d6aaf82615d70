package org.relief.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A real HTTP client against the running test server: HTTP Basic for the API, or a signed-in browser session. */
public final class Http {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private final String basic;

    private Http(String base, String basic, boolean cookies) {
        this.base = base;
        this.basic = basic;
        HttpClient.Builder b = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
        if (cookies) {
            b.cookieHandler(new CookieManager());
        }
        this.client = b.build();
    }

    public static Http anonymous(int port) {
        return new Http("http://127.0.0.1:" + port, null, true);
    }

    public static Http basic(int port, String user, String password) {
        return new Http(
                "http://127.0.0.1:" + port,
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)),
                false);
    }

    /** Signs in through the form, as a browser would (CSRF token included). */
    public static Http session(int port, String user, String password) {
        Http http = anonymous(port);
        HttpResponse<String> r = http.postForm("/login", Map.of("username", user, "password", password));
        if (r.statusCode() != 302
                || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed for " + user + ": " + r.statusCode() + " "
                    + r.headers().firstValue("Location").orElse(""));
        }
        return http;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** A GET as a browser sends it (Accept: text/html first). */
    public HttpResponse<String> getAsBrowser(String path) {
        return send(request(path).header("Accept", BROWSER_ACCEPT).GET().build());
    }

    /** A GET as htmx sends it from a page (Accept: text/html, HX-Request: true): the page's fragment. */
    public HttpResponse<String> getAsHtmx(String path) {
        return send(request(path)
                .header("Accept", "text/html")
                .header("HX-Request", "true")
                .GET()
                .build());
    }

    /** A GET asking for the given media type. */
    public HttpResponse<String> getAccepting(String path, String accept) {
        return send(request(path).header("Accept", accept).GET().build());
    }

    public static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public HttpResponse<String> putJson(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** Posts a form with the CSRF token of the page it would be on (taken from /login when signed out). */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String token = csrfToken();
        return postFormRaw(path, fields, token);
    }

    public HttpResponse<String> postFormRaw(String path, Map<String, String> fields, String csrf) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        if (csrf != null) {
            body = body + (body.isEmpty() ? "" : "&") + "_csrf=" + enc(csrf);
        }
        HttpRequest.Builder b = request(path).header("Content-Type", "application/x-www-form-urlencoded");
        if (basic == null) {
            b.header("Accept", BROWSER_ACCEPT); // a form is posted by a browser
        }
        return send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Any request with this client's sign-in (Basic or session cookie; a session's CSRF token as a header). */
    public HttpResponse<String> raw(String method, String path, String contentType, String body) {
        return raw(method, path, contentType, body, basic == null ? csrfToken() : null);
    }

    /** As {@link #raw(String, String, String, String)} with a CSRF token fetched once by the caller. */
    public HttpResponse<String> raw(String method, String path, String contentType, String body, String csrf) {
        HttpRequest.Builder b = request(path).header("Content-Type", contentType);
        if (basic == null) {
            b.header("X-CSRF-TOKEN", csrf)
                    .header("Accept", path.startsWith("/api") ? "application/json" : BROWSER_ACCEPT);
        }
        return send(b.method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Form fields URL-encoded as a browser sends them. */
    public static String formBody(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public String csrfToken() {
        HttpResponse<String> page = get("/referrals/new");
        if (page.statusCode() != 200) {
            page = get("/login");
        }
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (basic != null) {
            b.header("Authorization", basic);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
