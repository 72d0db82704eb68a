/**
 * OGC API – Tiles with Mapbox Vector Tiles over the stored layers: the tileset of all map layers
 * and one per collection in WebMercatorQuad, their metadata, TileJSON, and a tile cache that the
 * layers' revisions invalidate, so no tile is older than the last committed write. The tile
 * building itself is plain Java in {@link org.jointworks.tiles.mvt}.
 */
package org.jointworks.tiles;
