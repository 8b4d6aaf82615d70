/**
 * Shared kernel: the few types every feature uses to say what went wrong (not found, bad input naming each field,
 * forbidden, version conflict), the marker of JSON API controllers, and {@code Labels} (what a person reads for an
 * internal code or a field name). No clinical behaviour lives here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.relief.shared;
