/**
 * History: who changed a feature or a project, when, and which properties, read from the audit
 * trail ({@code audit_log}, written by {@link org.jointworks.system.Audit} in every write's
 * transaction). Nothing is stored here.
 */
package org.jointworks.history;
