/**
 * The stored map layers (districts, communities, pipelines, works, facilities, streets): their
 * fields, the generic store behind them, single-feature editing with optimistic locking, and the
 * all-or-nothing GeoJSON import and streaming export.
 *
 * <p>One generic store serves every layer because the layers differ only in their columns; the
 * fields are declared once in {@link org.jointworks.layers.Layer} and drive validation, SQL and
 * GeoJSON alike (see docs/decisions.md).
 */
package org.jointworks.layers;
