package org.relief.admin.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.relief.careteam.Role;

/**
 * The "new staff account" form as Spring binds and validates it ({@code @Valid @ModelAttribute}); a JavaBean, not a
 * record, so a role that is not one of the choices does not hide the other fields' checks. What the password needs
 * beyond being there (length, not the user name, not a common one) is the clinic's password policy
 * (careteam.PasswordPolicy), and whether the user name is free is the staff directory's to say.
 */
public class StaffForm {

    @NotNull(message = "is required")
    @Pattern(regexp = "\\s*[a-z0-9._-]{3,40}\\s*", message = "3-40 lower-case letters, digits, '.', '_' or '-'")
    private String username;

    @NotBlank(message = "is required")
    private String displayName;

    @NotNull(message = "choose the role")
    private Role role;

    @NotNull(message = "is required")
    private String password;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
