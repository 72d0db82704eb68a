package org.jointworks.accounts;

/** Accounts on the embedded H2GIS store (the shared security test service). */
class H2gisAccountsTest extends AccountsContract {}
