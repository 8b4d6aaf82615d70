/**
 * Platform: the database Relief runs on (embedded PostgreSQL by default, an external one by URL) and start-up.
 */
package org.relief.platform;
