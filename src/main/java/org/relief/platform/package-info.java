/**
 * Platform: the database Relief runs on (embedded PostgreSQL by default, an external one by URL) and start-up.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.relief.platform;
