/**
 * Admin: the clinic admin's pages — staff accounts, care team membership, the audit log and the break-glass report.
 * The admin manages people and teams but reads no chart.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "careteam", "patient", "shared"})
package org.relief.admin;
