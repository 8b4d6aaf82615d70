/**
 * FHIR data in bulk: the Bulk Data {@code $export} (ndjson files per resource type), the ndjson import of a folder
 * (from the admin page or the command line), and the transaction Bundle import that shares it. An import is one
 * transaction per patient, idempotent through the source map (source system + resource type + id to the chart
 * entry, with the content hash of what was imported).
 */
package org.relief.fhir.bulk;
