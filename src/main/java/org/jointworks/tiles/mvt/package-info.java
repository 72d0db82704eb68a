/**
 * Vector tile building without Spring: WebMercatorQuad tile maths ({@link
 * org.jointworks.tiles.mvt.TileCoord}), an immutable EPSG:3857 snapshot of a layer with an STRtree
 * ({@link org.jointworks.tiles.mvt.MercatorLayer}) and the encoder that simplifies by zoom, drops
 * what is smaller than a pixel, clips and writes Mapbox Vector Tiles ({@link
 * org.jointworks.tiles.mvt.TileEncoder}). Benchmarks call these directly.
 */
package org.jointworks.tiles.mvt;
