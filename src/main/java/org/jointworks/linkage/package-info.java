/**
 * Linked renovation (plan rule 7): neighbouring communities, suggested joint areas, the joint
 * areas planners draw, and the facilities a community or an area lacks within walking distance.
 * HTTP in the controllers, use cases in the services, SQL in {@link
 * org.jointworks.linkage.LinkedAreaRepository}; the geometry work is in the Spring-free
 * {@link org.jointworks.linkage.engine} package. See docs/linkage.md.
 */
package org.jointworks.linkage;
