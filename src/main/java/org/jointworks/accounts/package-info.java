/**
 * Accounts (issue 17): ADMIN creates, edits and disables users (role, organisation, county);
 * every user changes their own password; a password policy; every change audited. Sign-in
 * itself is {@code system/UserStore} and {@code org.jointworks.signin}.
 */
package org.jointworks.accounts;
