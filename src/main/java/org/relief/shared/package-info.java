/**
 * Shared kernel: the few types every feature uses to say what went wrong (not found, bad input naming each field,
 * forbidden, version conflict) and the marker of JSON API controllers. No behaviour lives here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.relief.shared;
