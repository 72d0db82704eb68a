/**
 * What every store holds from its first start: the plan's eleven districts with their targets,
 * the six utility companies, the demo users where enabled, and the sample city where enabled.
 */
package org.jointworks.reference;
