package org.relief.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * An attached document (a referral letter, a clinical note from another system), kept as text. Binary attachments
 * (scans, PDFs) are not stored yet.
 */
public record Document(
        @NotBlank @Size(max = 300) String title,
        @NotNull @PastOrPresent LocalDate documentDate,
        @Size(max = 200) String author,
        @NotBlank @Size(max = 100) String contentType,
        @NotBlank @Size(max = 200000) String content) {}
