package org.relief.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.relief.patient.Codes.Urgency;

/** A referral into the clinic: from whom, why, when, how urgent. */
public record Referral(
        @NotBlank @Size(max = 200) String referringClinician,
        @NotBlank @Size(max = 200) String referringPractice,
        @NotBlank @Size(max = 2000) String reason,
        @NotNull @PastOrPresent LocalDate referralDate,
        @NotNull Urgency urgency) {}
