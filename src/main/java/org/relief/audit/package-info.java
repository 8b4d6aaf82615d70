/**
 * Audit: the append-only log of every read and write of a patient's data, sign-ins and administrative actions.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
package org.relief.audit;
