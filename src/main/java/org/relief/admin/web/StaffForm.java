package org.relief.admin.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.relief.careteam.Role;

/**
 * The "new staff account" form as Spring binds and validates it ({@code @Valid @ModelAttribute}). What the password
 * needs beyond being there (length, not the user name, not a common one) is the clinic's password policy
 * (careteam.PasswordPolicy), and whether the user name is free is the staff directory's to say.
 */
record StaffForm(
        @NotNull(message = "is required")
        @Pattern(regexp = "\\s*[a-z0-9._-]{3,40}\\s*", message = "3-40 lower-case letters, digits, '.', '_' or '-'")
        String username,
        @NotBlank(message = "is required") String displayName,
        @NotNull(message = "choose the role") Role role,
        @NotNull(message = "is required") String password) {
}
