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
}
