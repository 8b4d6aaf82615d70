package org.relief.patient;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * A new referral as front desk enters it: who the patient is, the referral, and the interventional pain physician
 * who will coordinate the care team.
 */
public record Registration(
        @NotNull @Valid Demographics demographics,
        @NotNull @Valid Referral referral,
        @NotNull UUID coordinatingPhysicianId) {}
