/** Cross-cutting parts: settings, the store dialect, security, errors and the audit log. */
package org.jointworks.system;
