/**
 * E-mail delivery of the inbox's messages through an SMTP relay ({@code
 * jointworks.notifications.smtp.*}, off by default): a bounded queue filled after the causing
 * write commits, drained by one background sender with retries, so mail never blocks or fails a
 * write. Also the users' e-mail addresses ({@code /api/me/email}, {@code /api/users/{u}/email}).
 */
package org.jointworks.notifications.mail;
