package org.relief.letters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The clinic as its letters name it: name, address, phone and logo, from configuration ({@code RELIEF_CLINIC_NAME},
 * {@code RELIEF_CLINIC_ADDRESS}, {@code RELIEF_CLINIC_PHONE}, {@code RELIEF_CLINIC_LOGO}: a PNG or JPEG file). The
 * logo is read once, at start; a logo that cannot be read stops the start with its path named.
 */
@Component
public class ClinicIdentity {

    private final String name;
    private final String address;
    private final String phone;
    private final String logoDataUri;

    ClinicIdentity(
            @Value("${relief.clinic.name:Relief Pain Clinic}") String name,
            @Value("${relief.clinic.address:}") String address,
            @Value("${relief.clinic.phone:}") String phone,
            @Value("${relief.clinic.logo:}") String logo) {
        this.name = name.strip();
        this.address = address.strip();
        this.phone = phone.strip();
        this.logoDataUri = logo.isBlank() ? null : dataUri(Path.of(logo.strip()));
    }

    /** The same, made outside Spring (benchmarks, tests). */
    public static ClinicIdentity of(String name, String address, String phone, String logo) {
        return new ClinicIdentity(name, address, phone, logo);
    }

    public String name() {
        return name;
    }

    /** The address as lines (a comma or a line break separates them in the setting). */
    public java.util.List<String> addressLines() {
        return address.isEmpty()
                ? java.util.List.of()
                : java.util.Arrays.stream(address.split("[,\\n]"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    public String phone() {
        return phone;
    }

    /** The logo as a {@code data:} address for the templates, or null when none is configured. */
    public String logoDataUri() {
        return logoDataUri;
    }

    private static String dataUri(Path file) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String type = lower.endsWith(".png")
                ? "image/png"
                : lower.endsWith(".jpg") || lower.endsWith(".jpeg") ? "image/jpeg" : null;
        if (type == null) {
            throw new IllegalStateException("RELIEF_CLINIC_LOGO must be a .png or .jpg file: " + file);
        }
        try {
            return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("RELIEF_CLINIC_LOGO cannot be read: " + file, e);
        }
    }
}
