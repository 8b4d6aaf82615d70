/**
 * The procedure rule engine: plain Java, one small named rule per check, each answering ALLOW / WARN /
 * NOT_ENOUGH_DATA / BLOCK with its reason, the policy values it used and their sources. Its types (procedure
 * type, region, side) are part of the procedure module's records, so they are a named interface others may read.
 */
@org.springframework.modulith.NamedInterface("rules")
package org.relief.procedure.rules;
