/**
 * The procedure rule engine: plain Java, one small named rule per check, each answering ALLOW / WARN /
 * NOT_ENOUGH_DATA / BLOCK with its reason, the policy values it used and their sources.
 */
package org.relief.procedure.rules;
