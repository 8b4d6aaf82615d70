/**
 * Record: the one engine that keeps versioned, append-only clinical records, whatever module owns them.
 *
 * <p>The contract. A module declares each kind of record it keeps as a Spring bean, a {@link
 * org.relief.record.RecordKind} naming its own table, its payload record (one column per component in snake_case;
 * maps, lists and nested records are {@code jsonb} through the application's Jackson mapper) and the order entries
 * are listed in. {@link org.relief.record.RecordStore} then inserts the first version, inserts the next version or a
 * void (a new version marked voided) only when the writer names the version it started from and that version is
 * still the latest (otherwise {@link org.relief.shared.VersionConflictException}, which the web layer answers with
 * 409 and the conflict page), and reads the current entries of a patient, the latest version of an entry, its whole
 * history (newest first) and the patient it belongs to. Nothing ever updates or deletes a row; the tables' triggers
 * refuse it as well.
 *
 * <p>The engine knows no table of its own and no module's tables: every name it uses comes from a kind. It depends on
 * nothing but {@code shared}. Access checks and audit stay with the owning module's service, which calls the engine
 * after deciding who may do what.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Record engine", allowedDependencies = "shared")
package org.relief.record;
