/**
 * API tokens for integrations: issued and revoked by the clinic admin, stored only as a hash, each acting with the
 * access of one staff member and the scopes it was given; the security filter chain that authenticates {@code /fhir}
 * requests with them.
 */
package org.relief.fhir.token;
