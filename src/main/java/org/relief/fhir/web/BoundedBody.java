package org.relief.fhir.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.util.unit.DataSize;

/**
 * A request body read whole, but never more than {@code max} of it: a declared {@code Content-Length} over the
 * maximum is refused before a byte is read, and a body without one (chunked) is refused as soon as it passes the
 * maximum. So one request can hold at most {@code max} bytes of memory while it is read.
 */
final class BoundedBody {

    private BoundedBody() {}

    /**
     * @param setting the setting that raises the limit, named in the refusal
     * @throws BodyTooLargeException when the body is (or declares it is) larger than {@code max}
     */
    static String read(HttpServletRequest request, DataSize max, String setting) {
        long limit = max.toBytes();
        if (request.getContentLengthLong() > limit) {
            throw new BodyTooLargeException(max, setting);
        }
        try (InputStream in = request.getInputStream()) {
            ByteArrayOutputStream body =
                    new ByteArrayOutputStream((int) Math.min(Math.max(request.getContentLengthLong(), 8192), limit));
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > limit) {
                    throw new BodyTooLargeException(max, setting);
                }
                body.write(buffer, 0, n);
            }
            return body.toString(charset(request));
        } catch (IOException e) {
            throw new UncheckedIOException("the request body could not be read", e);
        }
    }

    private static Charset charset(HttpServletRequest request) {
        String name = request.getCharacterEncoding();
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8; // an unknown charset: FHIR's JSON is UTF-8
        }
    }
}
