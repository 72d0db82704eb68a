/**
 * OGC API – Features (Part 1 Core, Part 2 CRS by reference, Part 4 create/replace/update/delete)
 * under {@code /ogcapi}. Collections come from {@link org.jointworks.ogcapi.CollectionProvider}
 * beans, so another feature package can publish its own collection (linkage publishes
 * {@code linked-areas}) without touching this one, and take Part 4 writes under its own rules
 * through {@link org.jointworks.ogcapi.ItemWrites}. Each endpoint builds a document (a map) that
 * is written as JSON or HTML.
 */
package org.jointworks.ogcapi;
