/**
 * Web: security (staff sign-in, sessions, headers), the shared layout and navigation, the dashboard, and the error
 * pages and API error bodies every feature relies on.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "careteam", "fhir :: token", "shared"})
package org.relief.web;
