/**
 * Several service instances on one PostGIS (decisions 35–37): the layers' revisions and change
 * log kept in the store ({@link org.jointworks.cluster.PostgresRevisionJournal}), the listener
 * that hears other instances' writes over LISTEN/NOTIFY and catches up after a missed one
 * ({@link org.jointworks.cluster.LayerChangeListener}), read-your-writes across instances
 * ({@link org.jointworks.cluster.RevisionWaitFilter}) and the store-held locks of rules that
 * span instances ({@link org.jointworks.cluster.StoreLocks}).
 *
 * <p>Everything here is active in the {@code postgis} profile only; the embedded store stays one
 * instance, with the revisions counted in-process by {@link org.jointworks.layers.LayerRevisions}.
 */
package org.jointworks.cluster;
