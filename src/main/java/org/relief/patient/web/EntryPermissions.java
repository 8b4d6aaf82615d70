package org.relief.patient.web;

import org.relief.careteam.Role;
import org.relief.patient.EntryKinds;
import org.springframework.stereotype.Component;

/**
 * For templates: whether a role may write a kind of chart entry, by its slug
 * ({@code ${@entryPermissions.mayWrite(me.role(), 'medications')}}), so Correct and Void show only where they can be
 * saved. The answer comes from the kind's {@link org.relief.careteam.Permission}.
 */
@Component("entryPermissions")
public class EntryPermissions {

    private final EntryKinds kinds;

    EntryPermissions(EntryKinds kinds) {
        this.kinds = kinds;
    }

    public boolean mayWrite(Role role, String slug) {
        return kinds.bySlug(slug).map(k -> k.mayWrite(role)).orElse(false);
    }

    private final java.util.Map<Role, java.util.Set<String>> writable = new java.util.concurrent.ConcurrentHashMap<>();

    /** The slugs of the kinds {@code role} may write (none without a role), worked out once for each role. */
    public java.util.Set<String> writableBy(Role role) {
        if (role == null) {
            return java.util.Set.of();
        }
        return writable.computeIfAbsent(
                role,
                r -> kinds.all().stream()
                        .filter(k -> k.mayWrite(r))
                        .map(org.relief.patient.EntryKind::slug)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    /**
     * Every page's {@code writes}: the slugs of the chart entries the signed-in staff member may correct or void, for
     * the entry actions of each row ({@code fragments/entry-actions}). A set lookup per row, where calling this bean
     * per row was interpreted by the template engine each time (a long chart has hundreds of rows: issue 16).
     */
    @org.springframework.web.bind.annotation.ControllerAdvice
    static class Writes {

        // a provider: a web slice test loads the controller advice without the chart's entry kinds (then: none)
        private final org.springframework.beans.factory.ObjectProvider<EntryPermissions> permissions;

        Writes(org.springframework.beans.factory.ObjectProvider<EntryPermissions> permissions) {
            this.permissions = permissions;
        }

        @org.springframework.web.bind.annotation.ModelAttribute("writes")
        java.util.Set<String> writes(
                @org.springframework.security.core.annotation.AuthenticationPrincipal
                        org.relief.careteam.StaffUserDetailsService.StaffPrincipal principal) {
            EntryPermissions p = permissions.getIfAvailable();
            return p == null ? java.util.Set.of() : p.writableBy(principal == null ? null : principal.role());
        }
    }
}
