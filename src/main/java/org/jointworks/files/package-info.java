/**
 * The files users bring and take: Shapefile (zip) import with encoding and CRS detection, a
 * column mapping and a preview; GeoPackage import and export of every layer in one file; CSV
 * with WKT or lon/lat columns. Every import goes through the foundation's all-or-nothing GeoJSON
 * import ({@link org.jointworks.layers.ImportService}): each record becomes a GeoJSON Feature in
 * storage lon/lat and meets the same validation. The formats are read and written by maintained
 * libraries (H2GIS's Shapefile/DBF drivers, NGA's GeoPackage library, H2's CSV tool).
 */
package org.jointworks.files;
