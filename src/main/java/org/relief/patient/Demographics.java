package org.relief.patient;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.relief.patient.Codes.Sex;

/** Who the patient is and how to reach them. */
public record Demographics(
        @NotBlank @Size(max = 100) String familyName,
        @NotBlank @Size(max = 100) String givenName,
        @NotNull @Past LocalDate birthDate,
        @NotNull Sex sex,

        @Pattern(regexp = "^[0-9 +()\\-.]{7,25}$", message = "must be a phone number (digits, spaces, + ( ) - .)")
        String phone,

        @Email @Size(max = 200) String email,
        @Size(max = 200) String addressLine,
        @Size(max = 100) String city,
        @Size(max = 20) String postalCode) {}
