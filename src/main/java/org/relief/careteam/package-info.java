/**
 * Care team: the clinic's staff and their roles, who is on each patient's team, and the access rule built on it
 * (staff see the charts of their own patients; anyone else must break the glass with a reason).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "shared"})
package org.relief.careteam;
