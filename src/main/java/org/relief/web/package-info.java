/**
 * Web: security (staff sign-in, sessions, headers), the shared layout and navigation, the dashboard, and the error
 * pages and API error bodies every feature relies on.
 */
package org.relief.web;
