/**
 * API tokens for integrations: issued and revoked by the clinic admin, stored only as a hash, each acting with the
 * access of one staff member and the scopes it was given; the security filter chain that authenticates {@code /fhir}
 * requests with them.
 */
@org.springframework.modulith.NamedInterface("token")
package org.relief.fhir.token;
