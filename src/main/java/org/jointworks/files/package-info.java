/**
 * The files users bring and take: Shapefile (zip) import with encoding and CRS detection, a
 * column mapping and a preview; GeoPackage import and export of every layer in one file; CSV
 * with WKT or lon/lat columns. Every import goes through the foundation's all-or-nothing GeoJSON
 * import ({@link org.jointworks.layers.ImportService}): each record becomes a GeoJSON Feature in
 * storage lon/lat and meets the same validation. The formats are read and written by maintained
 * libraries (H2GIS's Shapefile/DBF drivers, NGA's GeoPackage library, H2's CSV tool), but
 * never trusted with a hostile file: a zip is unpacked within the zip limits ({@code ZipParts}),
 * a Shapefile's counts are proven against its parts' real lengths ({@code ShapefileCheck}), a
 * GeoPackage's header against its length ({@code SqliteHeader}), a CSV's lines against the line
 * limit as they stream ({@code LineLimitedReader}), all before the libraries allocate. Their
 * errors are told in our words: no server path or class name reaches the client.
 */
package org.jointworks.files;
