/**
 * Comments and attachments on works and projects: the coordination thread Envista keeps beside a
 * work, and the permit scans, drawings and photos. Attachments are PDF, JPEG or PNG, recognised
 * by their first bytes (never by the name or the declared type alone), bounded in size, and
 * stored in the database with the data, so every backup of the store holds them.
 */
package org.jointworks.comments;
